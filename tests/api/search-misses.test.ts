/**
 * Searches readers submit that find nothing are counted in the feedback database (a real PGlite
 * folder here), and only those: hits and the suggestions fetched while typing are not.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {GET} from '@/app/api/search/route'
import {closeFeedbackDatabase, feedbackSummary, openFeedbackDatabase} from '@/lib/feedback/server'
import {searchSubmitted} from '@/lib/search/term-search'

jest.setTimeout(60_000)

const folder = mkdtempSync(path.join(os.tmpdir(), 'search-misses-'))

beforeAll(async () => {
  process.env.FEEDBACK_DATA_DIR = folder
  await openFeedbackDatabase()
})

afterAll(async () => {
  await closeFeedbackDatabase()
  rmSync(folder, {recursive: true, force: true})
  delete process.env.FEEDBACK_DATA_DIR
})

const misses = async () => (await feedbackSummary({includeComments: false}))!.searchMisses

describe('search misses', () => {
  it('records a submitted search that found nothing, and counts repeats', async () => {
    await expect(searchSubmitted('quantum ranking')).resolves.toMatchObject({total: 0})
    await searchSubmitted('quantum ranking')
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
