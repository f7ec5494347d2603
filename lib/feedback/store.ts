import {randomBytes} from 'node:crypto'

import {log} from '@/lib/observability/log.mjs'
import {createBatcher} from './batch'
import type {SqlDriver} from './driver'
import {migrate, readMigrations, type Migration} from './migrate'
import {createPgDriver} from './pg-driver'
import {openPgliteDriver} from './pglite-driver'
import type {Reason, Vote} from './reasons'
import {plausibleSearchQuery} from './search-query'

export type VoteRecord = {
  termId: string
  termRev: string
  readerHash: string
  /** The voter's network (see addressHash), budgeted across every User-Agent. */
  addressHash: string
  vote: Vote
  reason?: Reason | string
  comment?: string
  section?: string
}

/** Writes allowed per clock minute. */
export type WriteLimits = {perReader: number; perAddress: number}

export type VoteResult = {stored: true} | {stored: false; retryAfterSeconds: number}

/** Votes of one kind for one revision of a term: the raw material of the summary. */
export type VoteCountRow = {
  termId: string
  termRev: string
  vote: Vote
  reason: string | null
  votes: number
  /** When the first of these votes was cast, as `Date.toISOString()` writes it: strings that sort by time. */
  firstVoteAt: string
}

/**
 * Votes of one kind for one revision of a term, split at a moment: those readers last gave
 * (`updated_at`) before it, and those given since. A reader who changed their answer counts once,
 * with their answer as it stands, on the side of when they gave it.
 */
export type VoteCountsAroundRow = {
  termId: string
  termRev: string
  vote: Vote
  reason: string | null
  before: number
  since: number
}

export type CommentRow = {
  termId: string
  termRev: string
  vote: Vote
  reason: string | null
  comment: string
  at: Date
}

export type SearchMiss = {query: string; count: number; firstSeen: Date; lastSeen: Date}

export interface FeedbackStore {
  readonly kind: SqlDriver['kind']
  /** The salt readers are hashed with: FEEDBACK_SALT, or one generated once and kept in the database. */
  readonly readerSalt: string
  /**
   * Stores a reader's answer in one statement (in one transaction with others arriving at the
   * same time), unless the reader, or their address, has already made its limit of writes this
   * minute; the attempt is counted either way.
   */
  recordVote(vote: VoteRecord, limits: WriteLimits): Promise<VoteResult>
  voteCounts(): Promise<VoteCountRow[]>
  /** The votes per term revision, kind and reason, counted before `since` and since it (the weekly digest). */
  voteCountsAround(since: Date): Promise<VoteCountsAroundRow[]>
  comments(limit: number): Promise<CommentRow[]>
  /**
   * Counts a search that found nothing, by its normalised text, once per reader per day; returns
   * false for a query that could not be a real search (see plausibleSearchQuery).
   */
  recordSearchMiss(query: string, readerHash: string): Promise<boolean>
  listSearchMisses(limit: number): Promise<SearchMiss[]>
  close(): Promise<void>
}

/** The most missed searches kept; past it the rarest, oldest go first. */
export const SEARCH_MISSES_KEPT = 5000

/** The most votes stored in one transaction. */
const VOTES_PER_BATCH = 50

type VoteRow = {stored: number; retry_after: number}
/** One vote's answer from a batch: its row, or what failed it alone. */
type VoteOutcome = {row: VoteRow} | {error: unknown}

// The reader's and the address's windows share one table (address keys carry a prefix).
const RECORD_VOTE = `
WITH attempt AS (
  INSERT INTO feedback_rate_windows AS w (reader_hash, window_start, writes)
  VALUES ($3, date_trunc('minute', now()), 1)
  ON CONFLICT (reader_hash, window_start) DO UPDATE SET writes = w.writes + 1
  RETURNING writes, window_start
), address AS (
  INSERT INTO feedback_rate_windows AS w (reader_hash, window_start, writes)
  VALUES ($9, date_trunc('minute', now()), 1)
  ON CONFLICT (reader_hash, window_start) DO UPDATE SET writes = w.writes + 1
  RETURNING writes
), stored AS (
  INSERT INTO feedback_votes AS v (term_id, term_rev, reader_hash, vote, reason, comment, section)
  SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text FROM attempt, address
  WHERE attempt.writes <= $8::integer AND address.writes <= $10::integer
  ON CONFLICT (term_id, term_rev, reader_hash) DO UPDATE
    SET vote = excluded.vote, reason = excluded.reason, comment = excluded.comment,
        section = excluded.section, updated_at = now()
  RETURNING 1
)
SELECT (SELECT count(*) FROM stored)::integer AS stored,
       greatest(1, ceil(extract(epoch FROM window_start + interval '1 minute' - now())))::integer AS retry_after
FROM attempt`

// The miss counts only if this reader has not already counted this query today.
const RECORD_SEARCH_MISS = `
WITH first_today AS (
  INSERT INTO search_miss_readers (query, reader_hash, day) VALUES ($1, $2, current_date)
  ON CONFLICT DO NOTHING
  RETURNING 1
)
INSERT INTO search_misses AS m (query, count) SELECT $1, 1 FROM first_today
ON CONFLICT (query) DO UPDATE SET count = m.count + 1, last_seen = now()
RETURNING (xmax = 0) AS created`

const PRUNE_SEARCH_MISSES = `
DELETE FROM search_misses WHERE query IN (
  SELECT query FROM search_misses ORDER BY count, last_seen
  LIMIT greatest(0, (SELECT count(*) FROM search_misses) - $1::integer)
)`

/**
 * The vote counts (kept by a trigger on each vote, migration 003): all of them on a process's
 * first read, then only those changed since the last read began (migration 004). A count is an
 * absolute figure, so reading one again is harmless: the look-back reaches well past the longest
 * a vote's statement may run (5 s), so a vote that committed after a read began, from this
 * instance or another, is caught by the next.
 */
const READ_VOTE_COUNTS = `
SELECT coalesce(json_agg(json_build_array(term_id, term_rev, vote, nullif(reason, ''), votes, first_vote_at)), '[]')::text AS counts,
       statement_timestamp()::text AS "readAt"
FROM feedback_vote_counts
WHERE $1::timestamptz IS NULL OR changed_at > $1::timestamptz - interval '30 seconds'`

// Grouped here, so a digest reads one row per revision, vote and reason, never every vote.
const READ_VOTE_COUNTS_AROUND = `
SELECT term_id AS "termId", term_rev AS "termRev", vote, reason,
       (count(*) FILTER (WHERE updated_at < $1::timestamptz))::integer AS before,
       (count(*) FILTER (WHERE updated_at >= $1::timestamptz))::integer AS since
FROM feedback_votes
GROUP BY term_id, term_rev, vote, reason
ORDER BY term_id, term_rev, vote, reason`

type CountArray = [
  termId: string,
  termRev: string,
  vote: Vote,
  reason: string | null,
  votes: number,
  firstVoteAt: string,
]

/** Rate windows and search-miss readers past their use are deleted at most this often. */
const PRUNE_EVERY_MS = 60_000

async function readerSaltOf(driver: SqlDriver, configured: string | undefined): Promise<string> {
  if (configured) return configured
  await driver.query(
    "INSERT INTO feedback_settings (name, value) VALUES ('reader_salt', $1) ON CONFLICT (name) DO NOTHING",
    [randomBytes(32).toString('base64url')],
  )
  const [row] = await driver.query<{value: string}>(
    "SELECT value FROM feedback_settings WHERE name = 'reader_salt'",
  )
  return row!.value
}

/** The one query layer over either driver. Migrations are applied before it is returned. */
export async function createFeedbackStore(
  driver: SqlDriver,
  {
    salt,
    migrations,
    searchMissesKept = SEARCH_MISSES_KEPT,
  }: {salt?: string; migrations?: Migration[]; searchMissesKept?: number} = {},
): Promise<FeedbackStore> {
  await migrate(driver, migrations ?? (await readMigrations()))
  const readerSalt = await readerSaltOf(driver, salt)
  let prunedAt = 0
  let missesPrunedAt = 0
  /** The vote counts as last read, when that read began (the database's clock), and the read under way. */
  const counts: {rows: Map<string, VoteCountRow>; readAt?: string; reading: Promise<unknown>} = {
    rows: new Map(),
    reading: Promise.resolve(),
  }

  async function readVoteCounts(): Promise<VoteCountRow[]> {
    // One JSON text of arrays: PGlite decodes tens of thousands of rows one by one ~7 times slower.
    const [read] = await driver.query<{counts: string; readAt: string}>(READ_VOTE_COUNTS, [
      counts.readAt ?? null,
    ])
    for (const [termId, termRev, vote, reason, votes, firstVoteAt] of JSON.parse(
      read!.counts,
    ) as CountArray[]) {
      const key = `${termId}\u0000${termRev}\u0000${vote}\u0000${reason ?? ''}`
      // Made uniform here, once per changed count, not by every summary for every count.
      if (votes > 0)
        counts.rows.set(key, {
          termId,
          termRev,
          vote,
          reason,
          votes,
          firstVoteAt: new Date(firstVoteAt).toISOString(),
        })
      else counts.rows.delete(key)
    }
    counts.readAt = read!.readAt
    return [...counts.rows.values()]
  }

  /**
   * Votes that arrive while earlier ones are being stored go together, in one transaction: the
   * commit, most of a vote's cost on PGlite, is paid once for them all. Nothing of a batch the
   * database refuses is stored, so each of its votes is then tried alone, and only a vote that
   * fails alone fails.
   */
  const recordAlone = (vote: unknown[]): Promise<VoteOutcome> =>
    driver.query<VoteRow>(RECORD_VOTE, vote).then(
      ([row]) => ({row: row!}),
      (error: unknown) => ({error}),
    )
  const recordVoteRow = createBatcher(async (votes: unknown[][]): Promise<VoteOutcome[]> => {
    if (votes.length === 1) return [await recordAlone(votes[0]!)]
    try {
      return (await driver.queryEach<VoteRow>(RECORD_VOTE, votes)).map(([row]) => ({row: row!}))
    } catch {
      return Promise.all(votes.map(recordAlone))
    }
  }, VOTES_PER_BATCH)

  async function pruneRateWindows() {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return
    prunedAt = Date.now()
    await driver.query("DELETE FROM feedback_rate_windows WHERE window_start < now() - interval '2 minutes'")
  }

  async function pruneSearchMisses(created: boolean) {
    // Only a new query can take the list past its size.
    if (created) await driver.query(PRUNE_SEARCH_MISSES, [searchMissesKept])
    if (Date.now() - missesPrunedAt < PRUNE_EVERY_MS) return
    missesPrunedAt = Date.now()
    await driver.query('DELETE FROM search_miss_readers WHERE day < current_date - 1')
  }

  return {
    kind: driver.kind,
    readerSalt,

    async recordVote(vote, {perReader, perAddress}) {
      const outcome = await recordVoteRow([
        vote.termId,
        vote.termRev,
        vote.readerHash,
        vote.vote,
        vote.reason ?? null,
        vote.comment ?? null,
        vote.section ?? null,
        perReader,
        vote.addressHash,
        perAddress,
      ])
      if ('error' in outcome) throw outcome.error
      const {row} = outcome
      await pruneRateWindows().catch((error: Error) =>
        log.warn({reason: error.message}, 'could not prune old feedback rate windows'),
      )
      return row.stored === 1 ? {stored: true} : {stored: false, retryAfterSeconds: row.retry_after}
    },

    voteCounts() {
      // One read at a time: a slower, older read must not land over a newer one.
      const read = counts.reading.then(readVoteCounts, readVoteCounts)
      counts.reading = read
      return read
    },

    voteCountsAround(since) {
      return driver.query<VoteCountsAroundRow>(READ_VOTE_COUNTS_AROUND, [since.toISOString()])
    },

    comments(limit) {
      return driver.query<CommentRow>(
        `SELECT term_id AS "termId", term_rev AS "termRev", vote, reason, comment, updated_at AS at
         FROM feedback_votes WHERE comment IS NOT NULL
         ORDER BY updated_at DESC, term_id, reader_hash LIMIT $1`,
        [limit],
      )
    },

    async recordSearchMiss(query, readerHash) {
      const text = plausibleSearchQuery(query)
      if (!text) return false
      const [row] = await driver.query<{created: boolean}>(RECORD_SEARCH_MISS, [text, readerHash])
      await pruneSearchMisses(row?.created ?? false).catch((error: Error) =>
        log.warn({reason: error.message}, 'could not prune old search misses'),
      )
      return true
    },

    listSearchMisses(limit) {
      return driver.query<SearchMiss>(
        `SELECT query, count, first_seen AS "firstSeen", last_seen AS "lastSeen"
         FROM search_misses ORDER BY count DESC, last_seen DESC LIMIT $1`,
        [limit],
      )
    },

    close: () => driver.close(),
  }
}

export type FeedbackDatabaseConfig = {
  /** PostgreSQL when set (DATABASE_URL); otherwise PGlite in `dataDir`. */
  databaseUrl?: string
  dataDir: string
  salt?: string
}

/** Opens the configured database, migrates it and returns the store; the caller closes it. */
export async function openFeedbackStore(config: FeedbackDatabaseConfig): Promise<FeedbackStore> {
  const driver = config.databaseUrl
    ? createPgDriver(config.databaseUrl)
    : await openPgliteDriver(config.dataDir)
  try {
    return await createFeedbackStore(driver, {salt: config.salt})
  } catch (error) {
    // The open error is the one worth reporting; a failure to close after it adds nothing.
    await driver.close().catch(() => {})
    throw error
  }
}
