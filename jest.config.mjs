import nextJest from 'next/jest.js'

const createJestConfig = nextJest({dir: './'})

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/{unit,components,api}/**/*.test.{ts,tsx}'],
  setupFilesAfterEnv: ['<rootDir>/tests/setup.ts'],
  moduleNameMapper: {'^@/(.*)$': '<rootDir>/$1'},
}

/**
 * next/jest ignores all of node_modules for transforms; next-sanity, Portable Text, groq-js and
 * the @sanity packages ship ESM only, so they are let through after next/jest builds its config.
 */
export default async function jestConfig() {
  const resolved = await createJestConfig(config)()
  return {
    ...resolved,
    transformIgnorePatterns: ['/node_modules/(?!(next-sanity|@portabletext|@sanity|groq-js|groq)/)'],
  }
}
