import nextJest from 'next/jest.js'

const createJestConfig = nextJest({dir: './'})

/**
 * The browser suite: real Chromium (Debian's) driven by playwright-core against the built site,
 * which one `next start` serves for all of it. Run `npm run build` first.
 * @type {import('jest').Config}
 */
const config = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  moduleNameMapper: {'^@/(.*)$': '<rootDir>/$1'},
  testTimeout: 60_000,
}

export default createJestConfig(config)
