/**
 * Searches readers submit that find nothing are counted in the feedback database (a real PGlite
 * folder here), and only those: hits and the suggestions fetched while typing are not. (That the
 * results page records a miss after its response is the browser suite's: tests/e2e/hostile-traffic.)
 */
import {GET} from '@/app/api/search/route'
import {feedbackSummary, recordSearchMiss} from '@/lib/feedback/server'
import {searchSubmitted} from '@/lib/search/term-search'
import {throwawayFeedbackFolder} from '@/tests/support/feedback-state'

jest.setTimeout(60_000)

throwawayFeedbackFolder('search-misses')

const misses = async () => (await feedbackSummary({includeComments: false}))!.totals.searchMisses

describe('search misses', () => {
  it('counts a missed search once per reader per day, and only searches a reader could make', async () => {
    const reader = (address: string, agent = 'Browser/1') =>
      new Headers({'x-forwarded-for': address, 'user-agent': agent})
    await expect(recordSearchMiss('quantum ranking', reader('198.18.2.1'))).resolves.toBe(true)
    await recordSearchMiss('Quantum  Ranking', reader('198.18.2.1'))
    await recordSearchMiss('quantum ranking', reader('198.18.2.1', 'Browser/2'))
    await expect(recordSearchMiss('\u001b[2Jbuy now http://spam', reader('198.18.2.1'))).resolves.toBe(false)
    expect(await misses()).toEqual([expect.objectContaining({query: 'quantum ranking', count: 2})])
  })

  it('does not record searches that found something', async () => {
    const found = await searchSubmitted('inbound link')
    expect(found.results[0]).toMatchObject({slug: 'backlink', matchedAlias: 'inbound link'})
    expect((await misses()).map((miss) => miss.query)).not.toContain('inbound link')
  })

  it('does not record the suggestions fetched while a reader types', async () => {
    const response = await GET(new Request('http://localhost/api/search?q=zzqx'))
    expect(response.status).toBe(200)
    expect((await response.json()).total).toBe(0)
    expect((await misses()).map((miss) => miss.query)).not.toContain('zzqx')
  })
})
