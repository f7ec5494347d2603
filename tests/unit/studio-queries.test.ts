import path from 'node:path'

import {evaluate, parse} from 'groq-js'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {USED_BY_QUERY} from '@/sanity/queries'
import {termInCategoryTemplate} from '@/sanity/templates'

/** The GROQ behind the Studio's views, run by groq-js over the embedded dataset. */
describe('the Studio queries', () => {
  let dataset: SanityDocument[]

  beforeAll(async () => {
    dataset = await readDataset(path.join(__dirname, '../../sanity/seed/dataset.ndjson'))
  })

  async function run(query: string, params: Record<string, unknown> = {}) {
    return (await evaluate(parse(query), {dataset, params})).get()
  }

  it('"Used by" lists the terms, then the guides, that reference a term', async () => {
    const usedBy = (await run(USED_BY_QUERY, {id: 'term-backlink'})) as {
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
