/**
 * Feedback writes: votes POSTed to /api/feedback as fast as the server takes them, each from a
 * different reader (its own address and User-Agent, so no vote replaces another and no address
 * runs into its budget), then the summary's counts compared with the number of 2xx answers.
 */
import {createHash} from 'node:crypto'

import {z} from 'zod'

import {request} from '@/bench/lib/http'
import {ROUTE_MISSING, unavailable, type FeedbackResult, type Measured} from '@/bench/lib/results'
import {percentile} from '@/bench/lib/stats'

export const SUMMARY_PATH = '/api/feedback/summary'

/** The bench's servers run with this FEEDBACK_ADMIN_TOKEN (bench/lib/next-app.ts): the summary is private. */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token'
export const summaryRequest = {headers: {Authorization: `Bearer ${BENCH_ADMIN_TOKEN}`}}

/** The part of GET /api/feedback/summary (lib/feedback/summary.ts) the check reads. */
const StoredCounts = z.object({voteCount: z.number()})

/** Every stored vote in a feedback summary, on every term and revision. Null for anything else. */
export function countVotes(summary: unknown): number | null {
  const parsed = StoredCounts.safeParse(summary)
  return parsed.success ? parsed.data.voteCount : null
}

/** An address of its own for each reader (Next keeps a client's X-Forwarded-For when no proxy sets it). */
function readerAddress(reader: string): string {
  const bytes = createHash('sha256').update(reader).digest()
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`
}

/** One vote from one reader: readers are told apart by address and User-Agent, so each gets both. */
export function vote(
  appUrl: string,
  term: string,
  choice: 'yes' | 'no',
  reader: string,
  address = readerAddress(reader),
) {
  const body = JSON.stringify({term, vote: choice})
  return request(`${appUrl}/api/feedback`, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      'User-Agent': reader,
      'X-Forwarded-For': address,
    },
  })
}

async function readStoredVotes(appUrl: string): Promise<{count: number | null; note?: string}> {
  const response = await request(`${appUrl}${SUMMARY_PATH}`, summaryRequest)
  if (response.status !== 200) return {count: null, note: `summary answered ${response.status}`}
  try {
    const count = countVotes(JSON.parse(response.body.toString()))
    return count === null ? {count, note: 'summary has no per-term counts'} : {count}
  } catch {
    return {count: null, note: 'summary is not JSON'}
  }
}

export async function measureFeedback(
  appUrl: string,
  termIds: string[],
  options: {votes: number; concurrency: number; budgetS: number},
): Promise<Measured<FeedbackResult>> {
  const probe = await request(`${appUrl}${SUMMARY_PATH}`, summaryRequest)
  if (probe.status === 404) return unavailable(ROUTE_MISSING)
  const run = Date.now().toString(36)
  // One vote before counting, so the summary has rows to count even on an empty database.
  const seed = await vote(appUrl, termIds[0], 'yes', `bench-voter/${run}/seed`)
  if (seed.status === 404) return unavailable(ROUTE_MISSING)
  if (seed.status < 200 || seed.status >= 300) {
    return unavailable(
      `failed: POST /api/feedback answered ${seed.status}: ${seed.body.toString().slice(0, 200)}`,
    )
  }
  const before = await readStoredVotes(appUrl)

  const votes = await postVotes(appUrl, (index) => termIds[index % termIds.length], run, options)
  const after = await readStoredVotes(appUrl)
  // The route's own floor: the same posts for a term that does not exist are read, validated and
  // looked up like votes, then refused (404) before the database.
  const floor = await postVotes(appUrl, () => MISSING_TERM, `${run}-floor`, {
    ...options,
    votes: Math.ceil(options.votes / 5),
  })
  const stored = before.count !== null && after.count !== null ? after.count - before.count : null
  return {
    status: 'ok',
    terms: termIds.length,
    sent: votes.sent,
    accepted: votes.accepted,
    rejected: votes.rejected,
    votesPerSec: votes.accepted / votes.seconds,
    p50Ms: percentile(votes.samples, 50),
    p99Ms: percentile(votes.samples, 99),
    stored,
    ...(stored === null ? {storedNote: before.note ?? after.note} : {}),
    budgetHit: votes.sent < options.votes,
    routeFloorPerSec: (floor.rejected['404'] ?? 0) / floor.seconds,
  }
}

const MISSING_TERM = 'bench-never-published'

/** Posts `options.votes` votes, `options.concurrency` at a time, each from its own reader. */
async function postVotes(
  appUrl: string,
  termFor: (index: number) => string,
  run: string,
  options: {votes: number; concurrency: number; budgetS: number},
) {
  const rejected: Record<string, number> = {}
  const samples: number[] = []
  let accepted = 0
  let sent = 0
  const began = performance.now()
  const deadline = began + options.budgetS * 1000
  const voter = async () => {
    while (sent < options.votes && performance.now() < deadline) {
      const index = sent++
      let status = 0
      try {
        const response = await vote(
          appUrl,
          termFor(index),
          index % 3 ? 'yes' : 'no',
          `bench-voter/${run}/${index}`,
        )
        status = response.status
        if (status >= 200 && status < 300) samples.push(response.ms)
      } catch {
        status = 0
      }
      if (status >= 200 && status < 300) accepted++
      else rejected[status] = (rejected[status] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({length: options.concurrency}, voter))
  return {sent, accepted, rejected, samples, seconds: (performance.now() - began) / 1000}
}
