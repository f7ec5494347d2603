import 'server-only'

import path from 'node:path'

import {bearerAccess} from '@/lib/site/bearer-token'
import {getTermRevision, listLinkReportDocuments, listTermRevisions, listTerms} from '@/lib/content'
import {withoutControlCharacters} from '@/lib/text/control-characters'
import {
  databaseUrl,
  feedbackAddressRateLimit,
  feedbackAdminToken,
  feedbackDataDir,
  feedbackRateLimit,
  feedbackSalt,
  reviewRules,
} from '@/lib/env.server'
import {createOutageLog, type OutageLog} from '@/lib/health/outage-log.mjs'
import {inSpan} from '@/lib/observability/spans.mjs'
import {processWide} from '@/lib/runtime/process-wide.mjs'
import {DataFolderLockedError} from './data-lock'
import {buildDigest, readDigestFeedback, type FeedbackDigest} from './digest'
import {addressHash, readerHash} from './reader'
import type {VoteInput} from './schema'
import {openFeedbackStore, type FeedbackStore} from './store'
import {rankFeedback, type RankedFeedback} from './summary'
import {summaryPage, type SummaryQuery} from './summary-query'

/** How long a failed open is remembered before the next request may try again. */
const RETRY_OPEN_AFTER_MS = 5000
const SUMMARY_SEARCH_MISSES = 200
/** How long a summary is served again before it is computed anew. */
const SUMMARY_FRESH_MS = 5000
const SUMMARY_COMMENTS = 1000

/** How long a shutdown waits for database work already running before it closes the database. */
const DRAIN_MS = 5000

/** A ranking kept a few seconds, with the pages already cut from it as JSON (by query). */
type KeptSummary = {at: number; summary: Promise<RankedFeedback | null>; pages: Map<string, string>}

type Holder = {
  opening?: Promise<FeedbackStore>
  lastFailure?: {error: unknown; at: number}
  /** Calls running on the store now. */
  active: number
  /** Set once the server is shutting down: no new work starts. */
  shuttingDown?: Promise<void>
  /** The summary being computed or just computed, with and without comments. */
  summaries: Map<boolean, KeptSummary>
  database: OutageLog
  content: OutageLog
}

/** One database per process: every bundle's copy of this module finds the store start-up opened. */
const holder = processWide<Holder>('feedback', () => ({
  active: 0,
  summaries: new Map(),
  database: createOutageLog('feedback database'),
  content: createOutageLog('feedback content lookup'),
}))

/**
 * Opens (once) the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in
 * FEEDBACK_DATA_DIR under its lock. A failed open is retried, at most every few seconds.
 */
export function openFeedbackDatabase(): Promise<FeedbackStore> {
  if (holder.opening) return holder.opening
  const failure = holder.lastFailure
  if (failure && Date.now() - failure.at < RETRY_OPEN_AFTER_MS) return Promise.reject(failure.error)
  const opening = openFeedbackStore({
    databaseUrl: databaseUrl(),
    dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), feedbackDataDir()),
    salt: feedbackSalt(),
  })
  holder.opening = opening
  opening.then(
    () => (holder.lastFailure = undefined),
    (error: unknown) => {
      holder.opening = undefined
      holder.lastFailure = {error, at: Date.now()}
    },
  )
  return opening
}

/**
 * Opens the database when the server starts. Only set-up mistakes stop start-up (a data folder
 * that another process owns, a malformed setting); an unreachable database is logged and retried
 * by the next request.
 */
export async function prepareFeedbackDatabase() {
  // A malformed limit stops start-up rather than every vote.
  feedbackRateLimit()
  feedbackAddressRateLimit()
  try {
    await openFeedbackDatabase()
  } catch (error) {
    if (error instanceof DataFolderLockedError) throw error
    holder.database.failed(error)
  }
}

/** Closes the database (scripts do, when they are done); the lock on a data folder goes with it. */
export async function closeFeedbackDatabase() {
  const opening = holder.opening
  holder.opening = undefined
  await (await opening?.catch(() => undefined))?.close()
}

/**
 * The server is stopping (SIGTERM, SIGINT): new feedback work is refused (a 503), work already
 * running may finish for a few seconds, then the database is closed and a data folder's lock
 * released, before Next's own shutdown ends the process.
 */
export function shutDownFeedbackDatabase(): Promise<void> {
  holder.shuttingDown ??= (async () => {
    const deadline = Date.now() + DRAIN_MS
    while (holder.active > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    await closeFeedbackDatabase()
  })()
  return holder.shuttingDown
}

/**
 * Runs `work` on the store, traced as a `feedback <operation>` span; an unreachable database is
 * logged once per outage and answered as null.
 */
async function withStore<T>(
  operation: string,
  work: (store: FeedbackStore) => Promise<T>,
): Promise<T | null> {
  if (holder.shuttingDown) return null
  holder.active++
  try {
    const result = await inSpan(
      `feedback ${operation}`,
      {'db.system': databaseUrl() ? 'postgresql' : 'pglite'},
      async () => work(await openFeedbackDatabase()),
    )
    holder.database.recovered()
    return result
  } catch (error) {
    holder.database.failed(error)
    return null
  } finally {
    holder.active--
  }
}

async function lookUp<T>(find: () => Promise<T>): Promise<{found: T} | null> {
  try {
    const found = await find()
    holder.content.recovered()
    return {found}
  } catch (error) {
    holder.content.failed(error)
    return null
  }
}

export type VoteOutcome =
  | {status: 'stored'; term: {id: string; rev: string; slug: string}}
  | {status: 'unknown-term'}
  | {status: 'rate-limited'; retryAfterSeconds: number}
  | {status: 'unavailable'}

/** Stores one reader's answer about a term that exists now, with the term's current revision. */
export async function submitVote(input: VoteInput, headers: Headers): Promise<VoteOutcome> {
  const lookup = await lookUp(() => getTermRevision(input.term))
  if (!lookup) return {status: 'unavailable'}
  const term = lookup.found
  if (!term) return {status: 'unknown-term'}
  const limits = {perReader: feedbackRateLimit(), perAddress: feedbackAddressRateLimit()}
  const result = await withStore('record_vote', (store) =>
    store.recordVote(
      {
        termId: term._id,
        termRev: term._rev,
        readerHash: readerHash(store.readerSalt, headers),
        addressHash: addressHash(store.readerSalt, headers),
        vote: input.vote,
        reason: input.reason,
        comment: input.comment,
        section: input.section,
      },
      limits,
    ),
  )
  if (!result) return {status: 'unavailable'}
  if (!result.stored) return {status: 'rate-limited', retryAfterSeconds: result.retryAfterSeconds}
  holder.summaries.clear()
  return {status: 'stored', term: {id: term._id, rev: term._rev, slug: term.slug}}
}

/**
 * Counts a site search that found nothing, once per reader per query per day, if it could be a
 * real search. Returns false for a query that could not be one, and when the database is
 * unreachable: a lost miss is not worth failing a search for.
 */
export async function recordSearchMiss(query: string, request: Headers): Promise<boolean> {
  const text = withoutControlCharacters(query)
  const counted = await withStore('record_search_miss', (store) =>
    store.recordSearchMiss(text, readerHash(store.readerSalt, request)),
  )
  if (counted) holder.summaries.clear()
  return counted ?? false
}

/** What an Authorization header grants: the feedback summary only with `Bearer <FEEDBACK_ADMIN_TOKEN>`. */
export const adminAccess = (authorization: string | null) => bearerAccess(authorization, feedbackAdminToken())

/**
 * The 401 for a request without the admin token (saying what is missing), or null when it has it:
 * every private feedback route starts here.
 */
export function refusedWithoutAdminToken(request: Request, what: string): Response | null {
  const access = adminAccess(request.headers.get('authorization'))
  if (access === 'granted') return null
  const error = {
    none: `${what} needs the admin token: send Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>.`,
    'wrong-token': 'Wrong admin token.',
    'not-configured': `${what} is not available: no FEEDBACK_ADMIN_TOKEN is configured on the server.`,
  }[access]
  return Response.json(
    {error},
    {status: 401, headers: {'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer'}},
  )
}

/**
 * The content team's figures; null when the database or the content cannot be reached. Kept for a
 * few seconds and computed once however many ask at the same moment; a write through this process
 * (a vote, a missed search) starts the next one afresh.
 */
export function feedbackSummary({
  includeComments,
}: {
  includeComments: boolean
}): Promise<RankedFeedback | null> {
  return keptSummary(includeComments).summary
}

function keptSummary(includeComments: boolean): KeptSummary {
  const cached = holder.summaries.get(includeComments)
  if (cached && Date.now() - cached.at < SUMMARY_FRESH_MS) return cached
  const entry = {at: Date.now(), summary: computeSummary(includeComments), pages: new Map()}
  holder.summaries.set(includeComments, entry)
  // A failure is not kept: the next call tries again.
  void entry.summary.then((summary) => {
    if (!summary && holder.summaries.get(includeComments) === entry) holder.summaries.delete(includeComments)
  })
  return entry
}

/** Distinct pages kept with one ranking: the Studio asks for a few, again and again. */
const PAGES_KEPT = 16

/**
 * A page of the content team's figures as JSON text (lib/feedback/summary-query.ts), comments
 * included; null when the database or the content cannot be reached. Cut once from each kept
 * ranking and answered again while it is kept, so a Studio polling the summary costs little more
 * than sending it.
 */
export async function feedbackSummaryPage(query: SummaryQuery): Promise<string | null> {
  const entry = keptSummary(true)
  const feedback = await entry.summary
  if (!feedback) return null
  const key = JSON.stringify(query)
  const kept = entry.pages.get(key)
  if (kept) return kept
  const page = JSON.stringify(summaryPage(feedback, query))
  if (entry.pages.size >= PAGES_KEPT) entry.pages.clear()
  entry.pages.set(key, page)
  return page
}

async function computeSummary(includeComments: boolean): Promise<RankedFeedback | null> {
  const terms = await lookUp(listTermRevisions)
  if (!terms) return null
  return withStore('summary', async (store) =>
    rankFeedback({
      counts: await store.voteCounts(),
      terms: terms.found,
      comments: includeComments ? await store.comments(SUMMARY_COMMENTS) : undefined,
      searchMisses: await store.listSearchMisses(SUMMARY_SEARCH_MISSES),
      reviewRules: reviewRules(),
    }),
  )
}

/** The 503 a private feedback route answers when the database or the content cannot be read. */
export const feedbackUnavailable = () =>
  Response.json(
    {error: 'Feedback cannot be read right now. Please try again later.'},
    {status: 503, headers: {'Cache-Control': 'no-store', 'Retry-After': '30'}},
  )

/**
 * The weekly digest from `since` to `now` (lib/feedback/digest.ts), from this process's database
 * and content; null when either cannot be reached. Not kept: the content team asks once a week.
 */
export async function feedbackDigest(since: Date, now: Date): Promise<FeedbackDigest | null> {
  const content = await lookUp(() =>
    Promise.all([listTermRevisions(), listTerms({published: true}), listLinkReportDocuments()]),
  )
  if (!content) return null
  const [terms, searchableTerms, documents] = content.found
  const feedback = await withStore('digest', (store) => readDigestFeedback(store, since))
  if (!feedback) return null
  return buildDigest({...feedback, since, now, terms, searchableTerms, documents, reviewRules: reviewRules()})
}
