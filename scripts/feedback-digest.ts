/**
 * `npm run feedback:digest` prints the content team's weekly digest: the terms whose helpfulness
 * moved most, new missed searches, new Needs review flags and new unlinked mentions, each with a
 * Studio link. `-- --since 36h` (Nh, Nd or Nw; default 7d) sets the window, `-- --json` prints JSON.
 * A malformed argument exits with 2, any other failure with 1.
 *
 * It reads published content through lib/content and opens the feedback database itself, through
 * the same lock as the site: with the embedded database, run it while the site is stopped (or give
 * the site PostgreSQL). It runs with the react-server condition (see package.json) to load the
 * server-only modules.
 */
import '@/lib/runtime/require-node.mjs'

import {listLinkReportDocuments, listTermRevisions, listTerms} from '@/lib/content'
import {reviewRules} from '@/lib/env.server'
import {
  buildDigest,
  digestToText,
  DigestUsageError,
  parseDigestArgs,
  readDigestFeedback,
  type DigestFeedback,
} from '@/lib/feedback/digest'
import {closeFeedbackDatabase, openFeedbackDatabase} from '@/lib/feedback/server'

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
  const rules = reviewRules()
  const [terms, searchableTerms, documents] = await Promise.all([
    listTermRevisions(),
    listTerms({published: true}),
    listLinkReportDocuments(),
  ])
  let feedback: DigestFeedback
  try {
    feedback = await readDigestFeedback(await openFeedbackDatabase(), options.since)
  } finally {
    await closeFeedbackDatabase()
  }
  const digest = buildDigest({
    ...feedback,
    since: options.since,
    now,
    terms,
    searchableTerms,
    documents,
    reviewRules: rules,
  })
  console.log(options.json ? JSON.stringify(digest, null, 2) : digestToText(digest))
}

main().catch((error: Error) => {
  console.error(`feedback:digest: ${error.message}`)
  process.exitCode = 1
})
