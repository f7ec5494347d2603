import {randomBytes} from 'node:crypto'

import type {SqlDriver} from './driver'
import {migrate, readMigrations, type Migration} from './migrate'
import {createPgDriver} from './pg-driver'
import {openPgliteDriver} from './pglite-driver'
import type {Reason, Vote} from './reasons'

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
export type VoteCountRow = {termId: string; termRev: string; vote: Vote; reason: string | null; votes: number}

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
   * Stores a reader's answer in one statement, unless the reader, or their address, has already
   * made its limit of writes this minute; the attempt is counted either way.
   */
  recordVote(vote: VoteRecord, limits: WriteLimits): Promise<VoteResult>
  voteCounts(): Promise<VoteCountRow[]>
  comments(limit: number): Promise<CommentRow[]>
  /** Counts a search that found nothing, by its normalised text; empty queries are ignored. */
  recordSearchMiss(query: string): Promise<void>
  listSearchMisses(limit: number): Promise<SearchMiss[]>
  close(): Promise<void>
}

const SEARCH_QUERY_MAX_LENGTH = 100

/** Lower case, single spaces, at most 100 characters: "  Back LINK " and "back link" are one miss. */
export function normaliseSearchQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SEARCH_QUERY_MAX_LENGTH)
    .trim()
}

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

/** Rate windows older than this are of no more use. */
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
  {salt, migrations}: {salt?: string; migrations?: Migration[]} = {},
): Promise<FeedbackStore> {
  await migrate(driver, migrations ?? (await readMigrations()))
  const readerSalt = await readerSaltOf(driver, salt)
  let prunedAt = 0

  async function pruneRateWindows() {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return
    prunedAt = Date.now()
    await driver.query("DELETE FROM feedback_rate_windows WHERE window_start < now() - interval '2 minutes'")
  }

  return {
    kind: driver.kind,
    readerSalt,

    async recordVote(vote, {perReader, perAddress}) {
      const [row] = await driver.query<{stored: number; retry_after: number}>(RECORD_VOTE, [
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
      await pruneRateWindows().catch((error: Error) =>
        console.warn(`[feedback] could not prune old rate windows: ${error.message}`),
      )
      return row!.stored === 1 ? {stored: true} : {stored: false, retryAfterSeconds: row!.retry_after}
    },

    voteCounts() {
      return driver.query<VoteCountRow>(
        `SELECT term_id AS "termId", term_rev AS "termRev", vote, reason, count(*)::integer AS votes
         FROM feedback_votes GROUP BY term_id, term_rev, vote, reason`,
      )
    },

    comments(limit) {
      return driver.query<CommentRow>(
        `SELECT term_id AS "termId", term_rev AS "termRev", vote, reason, comment, updated_at AS at
         FROM feedback_votes WHERE comment IS NOT NULL
         ORDER BY updated_at DESC, term_id, reader_hash LIMIT $1`,
        [limit],
      )
    },

    async recordSearchMiss(query) {
      const normalised = normaliseSearchQuery(query)
      if (!normalised) return
      await driver.query(
        `INSERT INTO search_misses AS m (query, count) VALUES ($1, 1)
         ON CONFLICT (query) DO UPDATE SET count = m.count + 1, last_seen = now()`,
        [normalised],
      )
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
