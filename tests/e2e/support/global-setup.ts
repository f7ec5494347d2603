import {mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {FAKE_SECRETS} from './fake-secrets'
import {startNextServer} from './server'

/** Lets the browser suite read readers' comments from the feedback summary. */
export const E2E_FEEDBACK_ADMIN_TOKEN = FAKE_SECRETS.FEEDBACK_ADMIN_TOKEN

/**
 * One built site for the whole browser suite; its address reaches the tests through the env.
 * Feedback goes to a throwaway PGlite folder, so runs start empty and never touch `.data/`.
 */
export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3210)
  const feedbackDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-feedback-'))
  const server = await startNextServer(port, {...FAKE_SECRETS, FEEDBACK_DATA_DIR: feedbackDir})
  Object.assign(globalThis, {__nextServer: server, __feedbackDir: feedbackDir})
  process.env.E2E_BASE_URL = server.url
}
