import nextJest from 'next/jest.js'

import {requireSupportedNode} from './lib/runtime/node-version.mjs'

requireSupportedNode('npm test')

const createJestConfig = nextJest({dir: './'})

/**
 * ESM-only packages (next-sanity, Portable Text, groq-js, @sanity/*) are not transformed: on Node 24
 * with --experimental-vm-modules (which PGlite's dynamic imports need), Jest loads them as native
 * ES modules through require(esm), and a CommonJS rewrite of them would then fail to run.
 */
export default createJestConfig({
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/{unit,components,api}/**/*.test.{ts,tsx}'],
  setupFilesAfterEnv: ['<rootDir>/tests/setup.ts'],
  moduleNameMapper: {'^@/(.*)$': '<rootDir>/$1'},
  // Our .mjs modules are plain Node ESM, which Jest loads as they are (a CommonJS rewrite would not run).
  transformIgnorePatterns: ['\\.mjs$'],
  // The bench's scratch copy of the site holds a second package.json of the same name.
  modulePathIgnorePatterns: ['<rootDir>/bench/\\.work/'],
})
