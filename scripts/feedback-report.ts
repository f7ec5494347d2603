/**
 * `npm run feedback:report` prints the readers' feedback per term as a table; `-- --csv` prints CSV;
 * `npm run search:misses` (`--misses`) prints the searches that found nothing.
 *
 * It asks the running site first (FEEDBACK_REPORT_URL, default http://localhost:3000), because the
 * site's process owns an embedded database folder. When no site answers there, it opens the
 * database itself, through the same lock, so it can never write beside a running server.
 * With FEEDBACK_ADMIN_TOKEN set, readers' comments are included.
 *
 * It runs with the react-server condition (see package.json) to load the server-only modules.
 */
import '@/lib/runtime/require-node.mjs'

import {printable} from '@/lib/text/control-characters'
import {feedbackAdminToken, feedbackReportUrl} from '@/lib/env.server'
import {closeFeedbackDatabase, feedbackSummary, openFeedbackDatabase} from '@/lib/feedback/server'
import {summaryToCsv, wholeSummary, type FeedbackSummary} from '@/lib/feedback/summary'
import {SUMMARY_MAX_PAGE_TERMS} from '@/lib/feedback/summary-query'

import {askRunningSite} from './running-site'

type Report = {source: string; summary: FeedbackSummary}

/** The running site's summary, every term of it, or null when nothing answers at that address. */
async function fromServer(): Promise<Report | null> {
  const url = `${feedbackReportUrl()}/api/feedback/summary`
  const first = await summaryPageFrom(url, 0)
  if (!first) return null
  const terms = [...first.terms]
  // The site answers a page at a time; a term list that moves meanwhile is read as it now stands.
  while (terms.length < first.termCount) {
    const page = await summaryPageFrom(url, terms.length)
    if (!page?.terms.length) break
    terms.push(...page.terms)
  }
  return {source: url, summary: {...first, terms}}
}

function summaryPageFrom(url: string, offset: number): Promise<FeedbackSummary | null> {
  const page = `${url}?${new URLSearchParams({offset: String(offset), limit: String(SUMMARY_MAX_PAGE_TERMS)})}`
  return askRunningSite<FeedbackSummary>(page, {timeoutMs: 10_000})
}

async function fromDatabase(): Promise<Report> {
  const store = await openFeedbackDatabase()
  try {
    const feedback = await feedbackSummary({includeComments: Boolean(feedbackAdminToken())})
    if (!feedback) throw new Error('The feedback database could not be read.')
    return {
      source: `the ${store.kind === 'pglite' ? 'embedded' : 'PostgreSQL'} database`,
      summary: wholeSummary(feedback),
    }
  } finally {
    await closeFeedbackDatabase()
  }
}

const percent = (value: number | null) => (value === null ? '–' : `${value}%`)

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

function printTable({source, summary}: Report) {
  console.log(`Feedback from ${source}, ${summary.generatedAt}\n`)
  if (summary.terms.length === 0) console.log('No votes yet.')
  else
    console.log(
      table([
        ['Term', 'Votes', 'Yes', 'No', 'Helpful', 'Since last edit', 'Reasons'],
        ...summary.terms.map((term) => [
          printable(term.title ?? `${term.termId} (unpublished)`),
          String(term.allRevisions.total),
          String(term.allRevisions.yes),
          String(term.allRevisions.no),
          percent(term.allRevisions.helpfulPercent),
          `${term.currentRevision.total} (${percent(term.currentRevision.helpfulPercent)})`,
          term.reasons.map((reason) => `${reason.label} ×${reason.count}`).join(', '),
        ]),
      ]),
    )
  for (const term of summary.terms.filter((t) => t.comments?.length)) {
    console.log(`\nComments on ${printable(term.title ?? term.termId)}:`)
    for (const comment of term.comments!) console.log(`  [${comment.vote}] ${printable(comment.comment)}`)
  }
  if (summary.searchMisses.length) {
    console.log('\nSearches that found nothing:')
    for (const miss of summary.searchMisses) console.log(`  ${printable(miss.query)} ×${miss.count}`)
  }
}

/** `npm run search:misses`: only the searches that found nothing, most frequent first. */
function printSearchMisses({source, summary}: Report) {
  console.log(`Searches that found nothing, from ${source}, ${summary.generatedAt}\n`)
  if (summary.searchMisses.length === 0) console.log('None yet.')
  else
    console.log(
      table([
        ['Query', 'Times', 'First seen', 'Last seen'],
        ...summary.searchMisses.map((miss) => [
          printable(miss.query),
          String(miss.count),
          miss.firstSeen,
          miss.lastSeen,
        ]),
      ]),
    )
}

async function main() {
  const report = (await fromServer()) ?? (await fromDatabase())
  if (process.argv.includes('--misses')) printSearchMisses(report)
  else if (process.argv.includes('--csv')) process.stdout.write(summaryToCsv(report.summary))
  else printTable(report)
}

main().catch((error: Error) => {
  console.error(`feedback:report: ${error.message}`)
  process.exit(1)
})
