/**
 * The feedback store's comments and search misses against a real engine: in-memory PGlite always, and
 * a real PostgreSQL server when TEST_DATABASE_URL is set. The same tests run on both.
 * `npm run test:postgres` picks only the PostgreSQL half by name: the PGlite half already ran in
 * `npm test`, and every PGlite instance a process starts and ends adds to the odds of a V8 crash as it
 * exits (nodejs/node#64500, seen in CI on Node 24), which costs that suite its report.
 */
import {normaliseSearchQuery, plausibleSearchQuery} from '@/lib/feedback/search-query'
import {createFeedbackStore} from '@/lib/feedback/store'

import {describeEachStore} from '@/tests/support/feedback-databases'
import {perReader, vote} from '@/tests/support/store-votes'

jest.setTimeout(60_000)

describeEachStore((opened) => {
  describe('comments', () => {
    it('lists comments newest first, up to the limit', async () => {
      await opened.store.recordVote(
        vote({termId: 'term-d', readerHash: 'c1', comment: 'First'}),
        perReader(20),
      )
      // PGlite's clock counts milliseconds: two writes within one would tie.
      await new Promise((resolve) => setTimeout(resolve, 20))
      await opened.store.recordVote(
        vote({termId: 'term-d', readerHash: 'c2', vote: 'no', reason: 'other', comment: 'Second'}),
        perReader(20),
      )
      const comments = (await opened.store.comments(1000)).filter((c) => c.termId === 'term-d')
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
      await expect(opened.store.comments(1)).resolves.toHaveLength(1)
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
      await expect(opened.store.recordSearchMiss('Crawl Budget', 'reader-1')).resolves.toBe(true)
      await expect(opened.store.recordSearchMiss('  crawl   budget ', 'reader-1')).resolves.toBe(true)
      await opened.store.recordSearchMiss('crawl budget', 'reader-2')
      await opened.store.recordSearchMiss('hreflang', 'reader-1')
      await expect(opened.store.recordSearchMiss('<b>spam</b>', 'reader-1')).resolves.toBe(false)
      const misses = await opened.store.listSearchMisses(10)
      expect(misses.map(({query, count}) => ({query, count}))).toEqual([
        {query: 'crawl budget', count: 2},
        {query: 'hreflang', count: 1},
      ])
      expect(misses[0]!.lastSeen.getTime()).toBeGreaterThanOrEqual(misses[0]!.firstSeen.getTime())
      await expect(opened.store.listSearchMisses(1)).resolves.toHaveLength(1)
    })

    it('keeps at most the cap, pruning the rarest and oldest first', async () => {
      const small = await createFeedbackStore(await opened.databases.fresh(), {searchMissesKept: 3})
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
          await opened.driver.query<{column_name: string}>(
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
