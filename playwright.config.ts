import os from 'node:os'
import path from 'node:path'

import {defineConfig} from '@playwright/test'

import {requireSupportedNode} from './lib/runtime/node-version.mjs'
import {CHROMIUM_FLAGS, CHROMIUM_PATH} from './tests/e2e/support/browser'
import {FAKE_SECRETS} from './tests/e2e/support/fake-secrets'
import {SITE_PORT, SITE_URL} from './tests/e2e/support/site'

requireSupportedNode('npm run test:e2e')

// Feedback from the suite goes to a throwaway PGlite folder, emptied before the server starts,
// so runs begin empty and never touch `.data/`.
const feedbackDir = path.join(os.tmpdir(), `glossary-e2e-feedback-${SITE_PORT}`)

/**
 * The browser suite: Debian's Chromium against the built site (`npm run build:e2e` and
 * `npm run build:sanity-fixture` first; docs/testing.md). One worker: several tests start their
 * own servers (nginx, Redis, PostgreSQL, a second site) and measure them on a 2-core machine.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.test.ts',
  outputDir: 'test-results/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS},
    viewport: {width: 1280, height: 900},
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `rm -rf '${feedbackDir}' && exec node_modules/.bin/next start --port ${SITE_PORT}`,
    url: `${SITE_URL}/api/health/ready`,
    env: {...FAKE_SECRETS, FEEDBACK_DATA_DIR: feedbackDir, NEXT_TELEMETRY_DISABLED: '1'},
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
