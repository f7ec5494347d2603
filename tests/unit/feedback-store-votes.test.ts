/**
 * The feedback store's votes against a real engine: in-memory PGlite always, and a real PostgreSQL
 * server when TEST_DATABASE_URL is set. The same tests run on both. `npm run test:postgres` picks only
 * the PostgreSQL half by name: the PGlite half already ran in `npm test`, and every PGlite instance a
 * process starts and ends adds to the odds of a V8 crash as it exits (nodejs/node#64500, seen in CI on
 * Node 24), which costs that suite its report.
 */
import {createFeedbackStore, type FeedbackStore} from '@/lib/feedback/store'

import {describeEachStore} from '@/tests/support/feedback-databases'
import {awayFromMinuteBoundary} from '@/tests/support/rate-window'
import {perReader, vote} from '@/tests/support/store-votes'

jest.setTimeout(60_000)

const totalVotes = async (store: FeedbackStore, termId?: string) =>
  (await store.voteCounts())
    .filter((row) => termId === undefined || row.termId === termId)
    .reduce((sum, row) => sum + row.votes, 0)

describeEachStore((opened) => {
  describe('votes', () => {
    it('stores a vote with the term id and revision', async () => {
      await expect(opened.store.recordVote(vote({termId: 'term-a'}), perReader(20))).resolves.toEqual({
        stored: true,
      })
      expect((await opened.store.voteCounts()).filter((row) => row.termId === 'term-a')).toEqual([
        {
          termId: 'term-a',
          termRev: 'rev-1',
          vote: 'yes',
          reason: null,
          votes: 1,
          // As Date.toISOString() writes it, so a summary can compare them as they are.
          firstVoteAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
      ])
    })

    it('replaces a reader’s earlier answer on the same revision, reason and comment included', async () => {
      await opened.store.recordVote(
        vote({termId: 'term-b', reason: 'clear', comment: 'Great.'}),
        perReader(20),
      )
      await opened.store.recordVote(
        vote({termId: 'term-b', vote: 'no', reason: 'hard-to-understand'}),
        perReader(20),
      )
      expect((await opened.store.voteCounts()).filter((row) => row.termId === 'term-b')).toEqual([
        {
          termId: 'term-b',
          termRev: 'rev-1',
          vote: 'no',
          reason: 'hard-to-understand',
          votes: 1,
          firstVoteAt: expect.any(String),
        },
      ])
      expect((await opened.store.comments(100)).filter((c) => c.termId === 'term-b')).toEqual([])
    })

    it('reads the counts another instance changed after this one read them', async () => {
      // Two stores over one database, as two instances share one server.
      const other = await createFeedbackStore(opened.driver)
      await opened.store.recordVote(vote({termId: 'term-shared', readerHash: 'shared-1'}), perReader(20))
      await opened.store.recordVote(vote({termId: 'term-shared', readerHash: 'shared-2'}), perReader(20))
      const shared = async () =>
        (await opened.store.voteCounts()).filter((row) => row.termId === 'term-shared')
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
      await other.recordVote(vote({termId: 'term-shared', readerHash: 'shared-1', vote: 'no'}), perReader(20))
      await other.recordVote(vote({termId: 'term-shared', readerHash: 'shared-2', vote: 'no'}), perReader(20))
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
      await opened.store.recordVote(vote({termId: 'term-c', termRev: 'rev-1'}), perReader(20))
      await opened.store.recordVote(vote({termId: 'term-c', termRev: 'rev-2', vote: 'no'}), perReader(20))
      const rows = (await opened.store.voteCounts()).filter((row) => row.termId === 'term-c')
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
          opened.store.recordVote(vote({termId: `term-limit-${i}`, readerHash: reader}), perReader(3)),
        ).resolves.toEqual({
          stored: true,
        })
      }
      const refused = await opened.store.recordVote(
        vote({termId: 'term-limit-0', readerHash: reader, vote: 'no'}),
        perReader(3),
      )
      expect(refused).toEqual({stored: false, retryAfterSeconds: expect.any(Number)})
      if (refused.stored) throw new Error('unreachable')
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1)
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
      // The refused vote changed nothing, and other readers are not affected.
      expect((await opened.store.voteCounts()).find((row) => row.termId === 'term-limit-0')).toMatchObject({
        vote: 'yes',
        votes: 1,
      })
      await expect(
        opened.store.recordVote(vote({termId: 'term-limit-0', readerHash: 'someone-else'}), perReader(3)),
      ).resolves.toEqual({stored: true})
    })

    it('stores at most the address budget when one address votes as many readers (rotating User-Agents)', async () => {
      await awayFromMinuteBoundary()
      const results = await Promise.all(
        Array.from({length: 200}, (_, i) =>
          opened.store.recordVote(
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
      await expect(totalVotes(opened.store, 'term-stuffed')).resolves.toBe(60)
      // Another address is not affected.
      await expect(
        opened.store.recordVote(vote({termId: 'term-stuffed', readerHash: 'elsewhere'}), {
          perReader: 20,
          perAddress: 60,
        }),
      ).resolves.toEqual({stored: true})
    })

    it('keeps the counts equal to the votes through new votes, changed answers and deletions', async () => {
      const limits = perReader(1000)
      await opened.store.recordVote(vote({termId: 'term-counted', readerHash: 'r1', reason: 'clear'}), limits)
      await opened.store.recordVote(vote({termId: 'term-counted', readerHash: 'r2'}), limits)
      await opened.store.recordVote(vote({termId: 'term-counted', readerHash: 'r3', vote: 'no'}), limits)
      // r1 changes their mind, r2 adds a reason, r3's vote is deleted.
      await opened.store.recordVote(
        vote({termId: 'term-counted', readerHash: 'r1', vote: 'no', reason: 'other'}),
        limits,
      )
      await opened.store.recordVote(
        vote({termId: 'term-counted', readerHash: 'r2', reason: 'good-example'}),
        limits,
      )
      await opened.driver.query(
        "DELETE FROM feedback_votes WHERE term_id = 'term-counted' AND reader_hash = 'r3'",
      )
      const grouped = await opened.driver.query<{vote: string; reason: string | null; votes: number}>(
        `SELECT vote, reason, count(*)::integer AS votes FROM feedback_votes
           WHERE term_id = 'term-counted' GROUP BY vote, reason ORDER BY vote, reason`,
      )
      const counted = (await opened.store.voteCounts())
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
          opened.store.recordVote(
            vote({termId: 'term-crowd', readerHash: `crowd-${i}`, vote: i % 4 ? 'yes' : 'no'}),
            perReader(20),
          ),
        ),
      )
      expect(results.every((result) => result.stored)).toBe(true)
      const rows = (await opened.store.voteCounts()).filter((row) => row.termId === 'term-crowd')
      expect(Object.fromEntries(rows.map((row) => [row.vote, row.votes]))).toEqual({yes: 750, no: 250})
      const [distinct] = await opened.driver.query<{readers: number}>(
        "SELECT count(DISTINCT reader_hash)::integer AS readers FROM feedback_votes WHERE term_id = 'term-crowd'",
      )
      expect(distinct!.readers).toBe(1000)
    })

    it('stores votes arriving together in one transaction, and a vote the database refuses fails alone', async () => {
      const batches = jest.spyOn(opened.driver, 'queryEach')
      const alone = jest.spyOn(opened.driver, 'query')
      const together = await Promise.all(
        Array.from({length: 40}, (_, i) =>
          opened.store.recordVote(vote({termId: 'term-batch', readerHash: `batch-${i}`}), perReader(20)),
        ),
      )
      expect(together.every((result) => result.stored)).toBe(true)
      // The first vote alone, the 39 that arrived while it was stored in one batch.
      expect(alone.mock.calls.filter(([sql]) => sql.includes('INSERT INTO feedback_votes'))).toHaveLength(1)
      expect(batches.mock.calls.map(([, paramsList]) => paramsList.length)).toEqual([39])
      await expect(totalVotes(opened.store, 'term-batch')).resolves.toBe(40)

      const outcomes = await Promise.allSettled(
        Array.from({length: 10}, (_, i) =>
          opened.store.recordVote(
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
      await expect(totalVotes(opened.store, 'term-refused')).resolves.toBe(9)
      batches.mockRestore()
      alone.mockRestore()
    })

    it('leaves exactly one row after 100 votes from one reader sent at once', async () => {
      const results = await Promise.all(
        Array.from({length: 100}, (_, i) =>
          opened.store.recordVote(
            vote({termId: 'term-repeat', readerHash: 'eager', vote: i % 2 ? 'yes' : 'no'}),
            perReader(1000),
          ),
        ),
      )
      expect(results.every((result) => result.stored)).toBe(true)
      await expect(totalVotes(opened.store, 'term-repeat')).resolves.toBe(1)
    })
  })
})
