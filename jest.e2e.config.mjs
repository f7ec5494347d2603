import nextJest from 'next/jest.js'

import {requireSupportedNode} from './lib/runtime/node-version.mjs'

requireSupportedNode('npm run test:e2e')

const createJestConfig = nextJest({dir: './'})

/**
 * The browser suite: real Chromium (Debian's) driven by playwright-core against the built site,
 * which one `next start` serves for all of it. Run `npm run build:e2e` and
 * `npm run build:sanity-fixture` first (docs/testing.md).
 * @type {import('jest').Config}
 */
const config = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  moduleNameMapper: {'^@/(.*)$': '<rootDir>/$1'},
  // Our .mjs modules are plain Node ESM, which Jest loads as they are (a CommonJS rewrite would not run).
  transformIgnorePatterns: ['\\.mjs$'],
  testTimeout: 60_000,
}

export default createJestConfig(config)
