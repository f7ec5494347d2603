import nextJest from 'next/jest.js'

import {requireSupportedNode} from '../lib/runtime/node-version.mjs'

requireSupportedNode('npm run bench:test')

const createJestConfig = nextJest({dir: './'})

/**
 * The benchmark's own tests (its phases, datasets, proxy config and report), apart from the site's:
 * `npm run bench:test` runs them, `npm test` does not. CI runs both.
 * @type {import('jest').Config}
 */
export default createJestConfig({
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/bench/tests/**/*.test.ts'],
  moduleNameMapper: {'^@/(.*)$': '<rootDir>/$1'},
  // Our .mjs modules are plain Node ESM, which Jest loads as they are (a CommonJS rewrite would not run).
  transformIgnorePatterns: ['\\.mjs$'],
  // The bench's scratch copy of the site holds a second package.json of the same name.
  modulePathIgnorePatterns: ['<rootDir>/bench/\\.work/'],
})
