import path from 'node:path'

import {evaluate, parse} from 'groq-js'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {NEEDS_REVIEW_FILTER, USED_BY_QUERY} from '@/sanity/queries'
import {termInCategoryTemplate} from '@/sanity/templates'

/** The GROQ behind the Studio's lists and views, run by groq-js over the embedded dataset. */
describe('the Studio queries', () => {
  let dataset: SanityDocument[]

  beforeAll(async () => {
    dataset = await readDataset(path.join(__dirname, '../../sanity/seed/dataset.ndjson'))
  })

  async function run(
    query: string,
    {
      params = {},
      now,
      documents = dataset,
    }: {params?: Record<string, unknown>; now?: string; documents?: SanityDocument[]} = {},
  ) {
    const timestamp = now ? new Date(now) : undefined
    return (await evaluate(parse(query), {dataset: documents, params, timestamp})).get()
  }

  describe('"Needs review"', () => {
    const needsReview = (now: string, documents?: SanityDocument[]) =>
      run(`*[${NEEDS_REVIEW_FILTER}]._id`, {now, documents})

    it('lists exactly the terms last reviewed more than 183 days before now', async () => {
      const now = '2026-11-24T12:00:00Z'
      const cutoff = Date.parse(now) - 183 * 24 * 60 * 60 * 1000
      const expected = dataset
        .filter((doc) => doc._type === 'term' && Date.parse(`${doc.updated}T00:00:00Z`) < cutoff)
        .map((doc) => doc._id)
      expect(expected.length).toBeGreaterThan(0)
      expect((await needsReview(now)).sort()).toEqual(expected.sort())
    })

    it('moves a term onto the list as time passes, and lists a term never reviewed', async () => {
      const term = {_id: 'term-x', _type: 'term', updated: '2026-01-01'}
      const unreviewed = {_id: 'term-y', _type: 'term'}
      expect(await needsReview('2026-07-02T00:00:00Z', [term, unreviewed])).toEqual(['term-y'])
      expect(await needsReview('2026-07-04T00:00:00Z', [term, unreviewed])).toEqual(['term-x', 'term-y'])
    })

    it('lists terms only', async () => {
      const guide = {_id: 'guide-x', _type: 'guide', updated: '2020-01-01'}
      expect(await needsReview('2026-11-24T00:00:00Z', [guide])).toEqual([])
    })
  })

  it('"Used by" lists the terms, then the guides, that reference a term', async () => {
    const usedBy = (await run(USED_BY_QUERY, {params: {id: 'term-backlink'}})) as {
      _type: string
      title: string
    }[]
    expect(usedBy.length).toBeGreaterThan(1)
    expect(usedBy.map((doc) => doc.title)).toContain('Link Building')
    const types = usedBy.map((doc) => doc._type)
    expect(types).toEqual([...types].sort().reverse())
    expect(types).toContain('guide')
    const referencing = dataset.filter(
      (doc) =>
        ['term', 'guide'].includes(doc._type) && JSON.stringify(doc).includes('"_ref":"term-backlink"'),
    )
    expect(usedBy).toHaveLength(referencing.length)
  })

  it('the "Term in category" template files the new term under the chosen category', async () => {
    const category = dataset.find((doc) => doc._type === 'category')!
    const value = await (termInCategoryTemplate.value as (params: {categoryId: string}) => unknown)({
      categoryId: category._id,
    })
    expect(value).toEqual({category: {_type: 'reference', _ref: category._id}})
  })
})
