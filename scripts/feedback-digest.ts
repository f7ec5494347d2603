/**
 * `npm run feedback:digest` prints the content team's weekly digest: the terms whose helpfulness
 * moved most, new missed searches, new Needs review flags and new unlinked mentions, each with a
 * Studio link. `-- --since 36h` (Nh, Nd or Nw; default 7d) sets the window, `-- --json` prints JSON.
 * A malformed argument exits with 2, any other failure with 1.
 *
 * Like `feedback:report`, it asks the running site first (GET /api/feedback/digest at
 * FEEDBACK_REPORT_URL, default http://localhost:3000, with FEEDBACK_ADMIN_TOKEN), because the site's
 * process owns an embedded database folder. When no site answers there, it reads the content and
 * opens the database itself, through the same lock.
 *
 * It runs with the react-server condition (see package.json) to load the server-only modules.
 */
import '@/lib/runtime/require-node.mjs'

import {feedbackReportUrl} from '@/lib/env.server'
import {digestToText, DigestUsageError, parseDigestArgs, type FeedbackDigest} from '@/lib/feedback/digest'
import {closeFeedbackDatabase, feedbackDigest, openFeedbackDatabase} from '@/lib/feedback/server'

import {askRunningSite} from './running-site'

/** The running site's digest, or null when nothing answers at that address. */
function fromServer(window: string): Promise<FeedbackDigest | null> {
  const url = `${feedbackReportUrl()}/api/feedback/digest?${new URLSearchParams({since: window})}`
  return askRunningSite<FeedbackDigest>(url, {timeoutMs: 30_000})
}

async function fromDatabase(since: Date, now: Date): Promise<FeedbackDigest> {
  await openFeedbackDatabase()
  try {
    const digest = await feedbackDigest(since, now)
    if (!digest) throw new Error('The feedback database or the content could not be read.')
    return digest
  } finally {
    await closeFeedbackDatabase()
  }
}

async function main() {
  const now = new Date()
  let options: ReturnType<typeof parseDigestArgs>
  try {
    options = parseDigestArgs(process.argv.slice(2), now)
  } catch (error) {
    if (!(error instanceof DigestUsageError)) throw error
    console.error(`feedback:digest: ${error.message}`)
    process.exitCode = 2
    return
  }
  const digest = (await fromServer(options.window)) ?? (await fromDatabase(options.since, now))
  console.log(options.json ? JSON.stringify(digest, null, 2) : digestToText(digest))
}

main().catch((error: Error) => {
  console.error(`feedback:digest: ${error.message}`)
  process.exitCode = 1
})
