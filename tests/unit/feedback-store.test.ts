/**
 * The feedback store against a real engine: in-memory PGlite always, and a real PostgreSQL server
 * when TEST_DATABASE_URL is set. The same tests run on both. `npm run test:postgres` picks only the
 * PostgreSQL half by name: the PGlite half already ran in `npm test`, and every PGlite instance a
 * process starts and ends adds to the odds of a V8 crash as it exits (nodejs/node#64500, seen in CI
 * on Node 24), which costs that suite its report.
 */
import type {SqlDriver} from '@/lib/feedback/driver'
import {migrate, readMigrations} from '@/lib/feedback/migrate'
import {normaliseSearchQuery, plausibleSearchQuery} from '@/lib/feedback/search-query'
import {createFeedbackStore, type FeedbackStore} from '@/lib/feedback/store'

import {storeTestTargets, type TestDatabases} from '@/tests/support/feedback-databases'
import {awayFromMinuteBoundary} from '@/tests/support/rate-window'

jest.setTimeout(60_000)

/** Each reader on an address of their own unless a test says otherwise. */
const vote = (overrides: Partial<Parameters<FeedbackStore['recordVote']>[0]> = {}) => {
  const readerHash = overrides.readerHash ?? 'reader-a'
  return {
    termId: 'term-backlink',
    termRev: 'rev-1',
    readerHash,
    addressHash: `address:${readerHash}`,
    vote: 'yes' as const,
    ...overrides,
  }
}

/** A per-reader limit, with an address budget that does not get in the way. */
const perReader = (writes: number) => ({perReader: writes, perAddress: 100_000})

const totalVotes = async (store: FeedbackStore, termId?: string) =>
  (await store.voteCounts())
    .filter((row) => termId === undefined || row.termId === termId)
    .reduce((sum, row) => sum + row.votes, 0)

for (const target of storeTestTargets()) {
  if (target.skipReason) {
    describe.skip(`feedback store on ${target.name} (skipped: ${target.skipReason})`, () => {
      it('runs the store tests', () => {})
    })
    console.warn(`Skipping the feedback store tests on ${target.name}: ${target.skipReason}.`)
    continue
  }

  describe(`feedback store on ${target.name}`, () => {
    let databases: TestDatabases
    let driver: SqlDriver
    let store: FeedbackStore

    beforeAll(async () => {
      databases = target.databases()
      driver = await databases.fresh()
      store = await createFeedbackStore(driver)
    })

    afterAll(() => databases?.cleanup())

    describe('migrations', () => {
      it('records every migration file as applied when the store opens', async () => {
        const files = await readMigrations()
        expect(files.map((m) => m.version)).toEqual([1, 2, 3, 4, 5])
        const applied = await driver.query<{version: number; name: string}>(
          'SELECT version, name FROM feedback_migrations ORDER BY version',
        )
        expect(applied).toEqual([
          {version: 1, name: 'initial'},
          {version: 2, name: 'search_miss_readers'},
          {version: 3, name: 'vote_counts'},
          {version: 4, name: 'vote_count_changes'},
          {version: 5, name: 'revision_first_votes'},
        ])
      })

      it('applies nothing twice when the store opens again', async () => {
        await expect(migrate(driver, await readMigrations())).resolves.toEqual([])
        await createFeedbackStore(driver)
        const [row] = await driver.query<{n: number}>(
          'SELECT count(*)::integer AS n FROM feedback_migrations',
        )
        expect(row!.n).toBe(5)
      })

      it('applies only the new versions, in order', async () => {
        const fresh = await databases.fresh()
        const initial = (await readMigrations()).slice(0, 1)
        await expect(migrate(fresh, initial)).resolves.toEqual([1])
        const later = [
          ...initial,
          {version: 3, name: 'third', sql: 'ALTER TABLE feedback_settings ADD COLUMN third text'},
          {version: 2, name: 'second', sql: 'ALTER TABLE feedback_settings ADD COLUMN second text'},
        ].sort((a, b) => a.version - b.version)
        await expect(migrate(fresh, later)).resolves.toEqual([2, 3])
        const columns = await fresh.query<{column_name: string}>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'feedback_settings'
           ORDER BY ordinal_position`,
        )
        expect(columns.map((c) => c.column_name)).toEqual(['name', 'value', 'second', 'third'])
      })

      it('leaves nothing half applied when a migration fails', async () => {
        const fresh = await databases.fresh()
        const broken = [
          ...(await readMigrations()),
          {version: 2, name: 'broken', sql: 'CREATE TABLE half_done (a int); SELECT * FROM no_such_table'},
        ]
        await expect(migrate(fresh, broken)).rejects.toThrow(/no_such_table/)
        const tables = await fresh.query<{table_name: string}>(
          `SELECT table_name FROM information_schema.tables
           WHERE table_name IN ('feedback_votes', 'half_done', 'feedback_migrations')`,
        )
        expect(tables).toEqual([])
      })

      it('lets two instances that start together migrate one database once', async () => {
        const fresh = await databases.fresh()
        const migrations = await readMigrations()
        const results = await Promise.all([migrate(fresh, migrations), migrate(fresh, migrations)])
        expect(results.flat()).toEqual([1, 2, 3, 4, 5])
      })

      it('dates the counts of votes cast before migration 5 by their first vote', async () => {
        const fresh = await databases.fresh()
        const migrations = await readMigrations()
        await migrate(fresh, migrations.slice(0, 4))
        await fresh.query(
          `INSERT INTO feedback_votes (term_id, term_rev, reader_hash, vote, created_at) VALUES
           ('term-old', 'r1', 'a', 'yes', '2026-01-05T10:00:00Z'),
           ('term-old', 'r1', 'b', 'yes', '2026-01-02T10:00:00Z'),
           ('term-old', 'r2', 'c', 'no', '2026-03-01T10:00:00Z')`,
        )
        await migrate(fresh, migrations)
        const counts = await createFeedbackStore(fresh).then((opened) => opened.voteCounts())
        expect(
          counts.map((row) => [row.termRev, row.votes, new Date(row.firstVoteAt).toISOString()]).sort(),
        ).toEqual([
          ['r1', 2, '2026-01-02T10:00:00.000Z'],
          ['r2', 1, '2026-03-01T10:00:00.000Z'],
        ])
      })
    })

    describe('reader salt', () => {
      it('generates a random salt once and keeps it in the database', async () => {
        expect(store.readerSalt).toMatch(/^[A-Za-z0-9_-]{43}$/)
        const again = await createFeedbackStore(driver)
        expect(again.readerSalt).toBe(store.readerSalt)
      })

      it('uses the configured salt instead when there is one', async () => {
        const configured = await createFeedbackStore(driver, {salt: 'from-the-environment'})
        expect(configured.readerSalt).toBe('from-the-environment')
      })
    })

    describe('votes', () => {
      it('stores a vote with the term id and revision', async () => {
        await expect(store.recordVote(vote({termId: 'term-a'}), perReader(20))).resolves.toEqual({
          stored: true,
        })
        expect((await store.voteCounts()).filter((row) => row.termId === 'term-a')).toEqual([
          {
            termId: 'term-a',
            termRev: 'rev-1',
            vote: 'yes',
            reason: null,
            votes: 1,
            firstVoteAt: expect.any(String),
          },
        ])
      })

      it('replaces a reader’s earlier answer on the same revision, reason and comment included', async () => {
        await store.recordVote(vote({termId: 'term-b', reason: 'clear', comment: 'Great.'}), perReader(20))
        await store.recordVote(
          vote({termId: 'term-b', vote: 'no', reason: 'hard-to-understand'}),
          perReader(20),
        )
        expect((await store.voteCounts()).filter((row) => row.termId === 'term-b')).toEqual([
          {
            termId: 'term-b',
            termRev: 'rev-1',
            vote: 'no',
            reason: 'hard-to-understand',
            votes: 1,
            firstVoteAt: expect.any(String),
          },
        ])
        expect((await store.comments(100)).filter((c) => c.termId === 'term-b')).toEqual([])
      })

      it('reads the counts another instance changed after this one read them', async () => {
        // Two stores over one database, as two instances share one server.
        const other = await createFeedbackStore(driver)
        await store.recordVote(vote({termId: 'term-shared', readerHash: 'shared-1'}), perReader(20))
        await store.recordVote(vote({termId: 'term-shared', readerHash: 'shared-2'}), perReader(20))
        const shared = async () => (await store.voteCounts()).filter((row) => row.termId === 'term-shared')
        expect(await shared()).toEqual([
          {
            termId: 'term-shared',
            termRev: 'rev-1',
            vote: 'yes',
            reason: null,
            votes: 2,
            firstVoteAt: expect.any(String),
          },
        ])
        await other.recordVote(
          vote({termId: 'term-shared', readerHash: 'shared-1', vote: 'no'}),
          perReader(20),
        )
        await other.recordVote(
          vote({termId: 'term-shared', readerHash: 'shared-2', vote: 'no'}),
          perReader(20),
        )
        // Both yes votes changed their minds: that count is gone, not left at its old figure.
        expect(await shared()).toEqual([
          {
            termId: 'term-shared',
            termRev: 'rev-1',
            vote: 'no',
            reason: null,
            votes: 2,
            firstVoteAt: expect.any(String),
          },
        ])
      })

      it('keeps a reader’s votes on different revisions apart', async () => {
        await store.recordVote(vote({termId: 'term-c', termRev: 'rev-1'}), perReader(20))
        await store.recordVote(vote({termId: 'term-c', termRev: 'rev-2', vote: 'no'}), perReader(20))
        const rows = (await store.voteCounts()).filter((row) => row.termId === 'term-c')
        expect(rows.sort((a, b) => a.termRev.localeCompare(b.termRev))).toEqual([
          {
            termId: 'term-c',
            termRev: 'rev-1',
            vote: 'yes',
            reason: null,
            votes: 1,
            firstVoteAt: expect.any(String),
          },
          {
            termId: 'term-c',
            termRev: 'rev-2',
            vote: 'no',
            reason: null,
            votes: 1,
            firstVoteAt: expect.any(String),
          },
        ])
      })

      it('refuses a reader’s writes over the limit this minute, storing nothing, and says when to retry', async () => {
        const reader = 'reader-rate-limited'
        await awayFromMinuteBoundary()
        for (let i = 0; i < 3; i++) {
          await expect(
            store.recordVote(vote({termId: `term-limit-${i}`, readerHash: reader}), perReader(3)),
          ).resolves.toEqual({
            stored: true,
          })
        }
        const refused = await store.recordVote(
          vote({termId: 'term-limit-0', readerHash: reader, vote: 'no'}),
          perReader(3),
        )
        expect(refused).toEqual({stored: false, retryAfterSeconds: expect.any(Number)})
        if (refused.stored) throw new Error('unreachable')
        expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1)
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
        // The refused vote changed nothing, and other readers are not affected.
        expect((await store.voteCounts()).find((row) => row.termId === 'term-limit-0')).toMatchObject({
          vote: 'yes',
          votes: 1,
        })
        await expect(
          store.recordVote(vote({termId: 'term-limit-0', readerHash: 'someone-else'}), perReader(3)),
        ).resolves.toEqual({stored: true})
      })

      it('stores at most the address budget when one address votes as many readers (rotating User-Agents)', async () => {
        await awayFromMinuteBoundary()
        const results = await Promise.all(
          Array.from({length: 200}, (_, i) =>
            store.recordVote(
              vote({
                termId: 'term-stuffed',
                readerHash: `agent-${i}`,
                addressHash: 'address:one-office',
                vote: 'no',
              }),
              {perReader: 20, perAddress: 60},
            ),
          ),
        )
        expect(results.filter((result) => result.stored)).toHaveLength(60)
        await expect(totalVotes(store, 'term-stuffed')).resolves.toBe(60)
        // Another address is not affected.
        await expect(
          store.recordVote(vote({termId: 'term-stuffed', readerHash: 'elsewhere'}), {
            perReader: 20,
            perAddress: 60,
          }),
        ).resolves.toEqual({stored: true})
      })

      it('keeps the counts equal to the votes through new votes, changed answers and deletions', async () => {
        const limits = perReader(1000)
        await store.recordVote(vote({termId: 'term-counted', readerHash: 'r1', reason: 'clear'}), limits)
        await store.recordVote(vote({termId: 'term-counted', readerHash: 'r2'}), limits)
        await store.recordVote(vote({termId: 'term-counted', readerHash: 'r3', vote: 'no'}), limits)
        // r1 changes their mind, r2 adds a reason, r3's vote is deleted.
        await store.recordVote(
          vote({termId: 'term-counted', readerHash: 'r1', vote: 'no', reason: 'other'}),
          limits,
        )
        await store.recordVote(
          vote({termId: 'term-counted', readerHash: 'r2', reason: 'good-example'}),
          limits,
        )
        await driver.query("DELETE FROM feedback_votes WHERE term_id = 'term-counted' AND reader_hash = 'r3'")
        const grouped = await driver.query<{vote: string; reason: string | null; votes: number}>(
          `SELECT vote, reason, count(*)::integer AS votes FROM feedback_votes
           WHERE term_id = 'term-counted' GROUP BY vote, reason ORDER BY vote, reason`,
        )
        const counted = (await store.voteCounts())
          .filter((row) => row.termId === 'term-counted')
          .map(({vote, reason, votes}) => ({vote, reason, votes}))
          .sort((a, b) => `${a.vote}${a.reason}`.localeCompare(`${b.vote}${b.reason}`))
        expect(counted).toEqual(grouped)
        expect(counted).toEqual([
          {vote: 'no', reason: 'other', votes: 1},
          {vote: 'yes', reason: 'good-example', votes: 1},
        ])
      })

      it('stores 1,000 votes from 1,000 readers sent at once, each exactly once', async () => {
        const results = await Promise.all(
          Array.from({length: 1000}, (_, i) =>
            store.recordVote(
              vote({termId: 'term-crowd', readerHash: `crowd-${i}`, vote: i % 4 ? 'yes' : 'no'}),
              perReader(20),
            ),
          ),
        )
        expect(results.every((result) => result.stored)).toBe(true)
        const rows = (await store.voteCounts()).filter((row) => row.termId === 'term-crowd')
        expect(Object.fromEntries(rows.map((row) => [row.vote, row.votes]))).toEqual({yes: 750, no: 250})
        const [distinct] = await driver.query<{readers: number}>(
          "SELECT count(DISTINCT reader_hash)::integer AS readers FROM feedback_votes WHERE term_id = 'term-crowd'",
        )
        expect(distinct!.readers).toBe(1000)
      })

      it('stores votes arriving together in one transaction, and a vote the database refuses fails alone', async () => {
        const batches = jest.spyOn(driver, 'queryEach')
        const alone = jest.spyOn(driver, 'query')
        const together = await Promise.all(
          Array.from({length: 40}, (_, i) =>
            store.recordVote(vote({termId: 'term-batch', readerHash: `batch-${i}`}), perReader(20)),
          ),
        )
        expect(together.every((result) => result.stored)).toBe(true)
        // The first vote alone, the 39 that arrived while it was stored in one batch.
        expect(alone.mock.calls.filter(([sql]) => sql.includes('INSERT INTO feedback_votes'))).toHaveLength(1)
        expect(batches.mock.calls.map(([, paramsList]) => paramsList.length)).toEqual([39])
        await expect(totalVotes(store, 'term-batch')).resolves.toBe(40)

        const outcomes = await Promise.allSettled(
          Array.from({length: 10}, (_, i) =>
            store.recordVote(
              vote({
                termId: 'term-refused',
                readerHash: `refused-${i}`,
                comment: i === 5 ? 'x'.repeat(501) : undefined,
              }),
              perReader(20),
            ),
          ),
        )
        expect(outcomes.map((outcome) => outcome.status)).toEqual(
          Array.from({length: 10}, (_, i) => (i === 5 ? 'rejected' : 'fulfilled')),
        )
        await expect(totalVotes(store, 'term-refused')).resolves.toBe(9)
        batches.mockRestore()
        alone.mockRestore()
      })

      it('leaves exactly one row after 100 votes from one reader sent at once', async () => {
        const results = await Promise.all(
          Array.from({length: 100}, (_, i) =>
            store.recordVote(
              vote({termId: 'term-repeat', readerHash: 'eager', vote: i % 2 ? 'yes' : 'no'}),
              perReader(1000),
            ),
          ),
        )
        expect(results.every((result) => result.stored)).toBe(true)
        await expect(totalVotes(store, 'term-repeat')).resolves.toBe(1)
      })
    })

    describe('comments', () => {
      it('lists comments newest first, up to the limit', async () => {
        await store.recordVote(vote({termId: 'term-d', readerHash: 'c1', comment: 'First'}), perReader(20))
        // PGlite's clock counts milliseconds: two writes within one would tie.
        await new Promise((resolve) => setTimeout(resolve, 20))
        await store.recordVote(
          vote({termId: 'term-d', readerHash: 'c2', vote: 'no', reason: 'other', comment: 'Second'}),
          perReader(20),
        )
        const comments = (await store.comments(1000)).filter((c) => c.termId === 'term-d')
        expect(comments.map((c) => c.comment)).toEqual(['Second', 'First'])
        const {at, ...rest} = comments[0]!
        expect(rest).toEqual({
          termId: 'term-d',
          termRev: 'rev-1',
          vote: 'no',
          reason: 'other',
          comment: 'Second',
        })
        // A Date, though from the worker's realm rather than this test's.
        expect(Object.prototype.toString.call(at)).toBe('[object Date]')
        await expect(store.comments(1)).resolves.toHaveLength(1)
      })
    })

    describe('search misses', () => {
      it('normalises queries so the same words count as one miss', () => {
        expect(normaliseSearchQuery('  Back   LINK\t')).toBe('back link')
        expect(normaliseSearchQuery('ＳＥＯ')).toBe('seo')
      })

      it.each(['crawl budget', 'A/B testing', 'E-E-A-T', 'c++', 'méta robots', 'what’s a 301', 'http/2'])(
        'takes %p as a search a reader could make',
        (query) => {
          expect(plausibleSearchQuery(query)).toBe(normaliseSearchQuery(query))
        },
      )

      it.each([
        ['one character', 'x'],
        ['no letter', '12345'],
        ['too long', 'seo '.repeat(20)],
        ['too many words', 'one two three four five six seven'],
        ['markup', '<script>alert(1)</script>'],
        ['a URL', 'https://spam.example/buy?now=1'],
        ['only spaces', '   '],
      ])('refuses %s', (_, query) => {
        expect(plausibleSearchQuery(query)).toBeNull()
      })

      it('counts each query once per reader per day, and keeps when it was first and last seen', async () => {
        await expect(store.recordSearchMiss('Crawl Budget', 'reader-1')).resolves.toBe(true)
        await expect(store.recordSearchMiss('  crawl   budget ', 'reader-1')).resolves.toBe(true)
        await store.recordSearchMiss('crawl budget', 'reader-2')
        await store.recordSearchMiss('hreflang', 'reader-1')
        await expect(store.recordSearchMiss('<b>spam</b>', 'reader-1')).resolves.toBe(false)
        const misses = await store.listSearchMisses(10)
        expect(misses.map(({query, count}) => ({query, count}))).toEqual([
          {query: 'crawl budget', count: 2},
          {query: 'hreflang', count: 1},
        ])
        expect(misses[0]!.lastSeen.getTime()).toBeGreaterThanOrEqual(misses[0]!.firstSeen.getTime())
        await expect(store.listSearchMisses(1)).resolves.toHaveLength(1)
      })

      it('keeps at most the cap, pruning the rarest and oldest first', async () => {
        const small = await createFeedbackStore(await databases.fresh(), {searchMissesKept: 3})
        await small.recordSearchMiss('kept often', 'r1')
        await small.recordSearchMiss('kept often', 'r2')
        for (const query of ['rare one', 'rare two', 'rare three', 'rare four']) {
          await small.recordSearchMiss(query, 'r1')
          // PGlite's clock counts milliseconds: two writes within one would tie.
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
        const misses = await small.listSearchMisses(10)
        expect(misses.map(({query}) => query)).toEqual(['kept often', 'rare four', 'rare three'])
      })

      it('keeps no reader identity with a miss, only the salted hash for the day', async () => {
        const columns = async (table: string) =>
          (
            await driver.query<{column_name: string}>(
              'SELECT column_name FROM information_schema.columns WHERE table_name = $1',
              [table],
            )
          )
            .map((c) => c.column_name)
            .sort()
        expect(await columns('search_misses')).toEqual(['count', 'first_seen', 'last_seen', 'query'])
        expect(await columns('search_miss_readers')).toEqual(['day', 'query', 'reader_hash'])
      })
    })
  })
}
