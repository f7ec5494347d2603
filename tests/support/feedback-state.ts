import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {closeFeedbackDatabase, openFeedbackDatabase} from '@/lib/feedback/server'

/**
 * Gives the test file's feedback database a throwaway PGlite folder (`FEEDBACK_DATA_DIR`), opened
 * before its tests and removed after them; returns the folder.
 */
export function throwawayFeedbackFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
  beforeAll(async () => {
    process.env.FEEDBACK_DATA_DIR = folder
    await openFeedbackDatabase()
  })
  afterAll(async () => {
    await closeFeedbackDatabase()
    rmSync(folder, {recursive: true, force: true})
    delete process.env.FEEDBACK_DATA_DIR
  })
  return folder
}

/** Everything the open feedback database holds that a request could have changed. */
export async function storedState() {
  const store = await openFeedbackDatabase()
  return {votes: await store.voteCounts(), comments: await store.comments(1000)}
}

/** The vote counts stored for one term. */
export async function votesFor(termId: string) {
  return (await storedState()).votes.filter((row) => row.termId === termId)
}
