import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {evaluate, parse} from 'groq-js'

import {generateDataset, toNdjson} from '@/bench/lib/synthetic-dataset'
import {parseDataset, type SanityDocument} from '@/lib/content/dataset'
import {isPublishedId} from '@/lib/content/document-ids'
import {createLocalSource} from '@/lib/content/embedded/local-source'
import {indexDataset} from '@/lib/content/embedded/dataset-index'
import {documentsReachedBy} from '@/lib/content/embedded/query-plan'
import * as queries from '@/sanity/queries'

const EMBEDDED = 'sanity/seed/dataset.ndjson'
const embedded = parseDataset(readFileSync(EMBEDDED, 'utf8'), EMBEDDED).filter((doc) =>
  isPublishedId(doc._id),
)
// Big enough that a query which scans everything stands out from one that looks documents up.
const synthetic = generateDataset(embedded, {terms: 200, seed: 7})

const slugOf = (doc: SanityDocument) => (doc.slug as {current?: string} | undefined)?.current
const siteQueries: [string, string][] = Object.entries(queries as Record<string, unknown>).flatMap(
  ([name, query]) => (name.endsWith('_QUERY') && typeof query === 'string' ? [[name, query]] : []),
)

/** The answer groq-js gives over the whole dataset, following references by scanning it. */
async function unplanned(query: string, dataset: SanityDocument[], params: Record<string, unknown>) {
  return (await evaluate(parse(query), {dataset, params})).get()
}

const scratch = mkdtempSync(path.join(tmpdir(), 'query-plan-'))
const syntheticFile = path.join(scratch, 'dataset.ndjson')
writeFileSync(syntheticFile, toNdjson(synthetic))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** The site's own source over each file: planned, synchronous, references followed by id. */
const sources = {embedded: createLocalSource(EMBEDDED), synthetic: createLocalSource(syntheticFile)}

/**
 * Every document's slug and id as the parameters a query takes, plus values that match nothing;
 * a query without parameters runs once.
 */
function paramSets(query: string, dataset: SanityDocument[]): Record<string, unknown>[] {
  const sets: Record<string, unknown>[] = [
    {slug: 'no-such-term', term: 'no-such-term', id: 'no-such-id'},
    {slug: '', term: '', id: ''},
  ]
  for (const doc of dataset) {
    const slug = slugOf(doc) ?? doc._id
    sets.push({slug, term: slug, id: doc._id}, {slug, term: doc._id, id: doc._id})
  }
  const used = (params: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(params).filter(([name]) => query.includes(`$${name}`)))
  const distinct = new Map(sets.map((params) => [JSON.stringify(used(params)), used(params)]))
  return [...distinct.values()]
}

describe('query planning over the embedded dataset', () => {
  it.each(siteQueries)('%s answers as a scan of the whole dataset does', async (_name, query) => {
    for (const params of paramSets(query, embedded)) {
      await expect(sources.embedded.fetch(query, params, [])).resolves.toEqual(
        await unplanned(query, embedded, params),
      )
    }
  })
})

describe('query planning over a synthetic dataset', () => {
  const terms = synthetic.filter((doc) => doc._type === 'term')
  // A spread of terms: the real ones the generator keeps and synthetic ones linking to them.
  const sample = [...terms.slice(0, 8), ...terms.slice(-8), ...synthetic.filter((d) => d._type !== 'term')]

  it.each(siteQueries)('%s answers as a scan of the whole dataset does', async (_name, query) => {
    for (const params of paramSets(query, sample)) {
      await expect(sources.synthetic.fetch(query, params, [])).resolves.toEqual(
        await unplanned(query, synthetic, params),
      )
    }
  })

  it('hands a term page only the term and the documents that link to it', () => {
    const index = indexDataset(synthetic)
    const term = terms.find((doc) => (index.positionsReferring.get(doc._id)?.length ?? 0) > 1)!
    const reached = documentsReachedBy(parse(queries.TERM_QUERY), {slug: slugOf(term)}, index)
    const referrers = synthetic.filter((doc) =>
      index.positionsReferring.get(term._id)?.includes(synthetic.indexOf(doc)),
    )
    expect(reached).toContain(term)
    expect(reached.length).toBeLessThanOrEqual(1 + referrers.length)
    expect(reached.length).toBeLessThan(synthetic.length / 10)
  })

  it('hands a guide page only the guide and the terms its text links to', () => {
    const index = indexDataset(synthetic)
    const guide = synthetic.find((doc) => doc._type === 'guide' && !doc.externalUrl)!
    const reached = documentsReachedBy(parse(queries.GUIDE_QUERY), {slug: slugOf(guide)}, index)
    const linked = new Set(
      JSON.stringify(guide.body)
        .match(/"_ref":"[^"]+"/g)!
        .map((ref) => ref.slice(8, -1)),
    )
    expect(reached).toContain(guide)
    expect(reached.filter((doc) => doc !== guide).every((doc) => linked.has(doc._id))).toBe(true)
  })

  it('keeps the export order in the documents it hands on', () => {
    const index = indexDataset(synthetic)
    const reached = documentsReachedBy(parse(`*[_type == "category" || _type == "author"]`), {}, index)
    const positions = reached.map((doc) => synthetic.indexOf(doc))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(reached.map((doc) => doc._type).sort()).toEqual(
      synthetic
        .filter((doc) => doc._type === 'category' || doc._type === 'author')
        .map((doc) => doc._type)
        .sort(),
    )
  })
})

describe('what the planner will not narrow', () => {
  const index = indexDataset(synthetic)
  const reachedCount = (query: string, params: Record<string, unknown> = {}) =>
    documentsReachedBy(parse(query), params, index).length

  it.each<[string, string, Record<string, unknown>?]>([
    ['a bare *', `count(*)`],
    ['a filter on a field without a table', `*[title == "Backlink"]`],
    ['a negated filter', `*[!(_type == "term")]`],
    ['an either-or with one side unknown', `*[_type == "author" || defined(title)]`],
    ['a comparison with null (missing fields equal it)', `*[slug.current == $slug]`, {slug: null}],
    ['a parameter that is not a string', `*[_id == $id]`, {id: 42}],
    [
      'a ^ that is not a document from *',
      `*[_type == "term"][0].relatedTerms[]->{"x": *[references(^._id)]}`,
    ],
    ['a ^ above the query itself', `*[references(^._id)]`],
    [
      'a ^ inside a scope of the expression over ^',
      `*[_type == "guide"][0]{"x": *[_id in ^.body[][_type == ^._type]._key]}`,
    ],
    [
      'an expression over ^ that also reads @',
      `*[_type == "guide"][0]{"x": *[_id in ^.body[]._key + title]}`,
    ],
  ])('%s reads the whole dataset', (_name, query, params = {}) => {
    expect(reachedCount(query, params)).toBe(synthetic.length)
  })

  it('narrows by type, id, slug and reference, and the union of either-or sides', () => {
    const author = synthetic.find((doc) => doc._type === 'author')!
    expect(reachedCount(`*[_type == "author"]`)).toBe(synthetic.filter((d) => d._type === 'author').length)
    expect(reachedCount(`*[_id == $id]`, {id: author._id})).toBe(1)
    expect(reachedCount(`*[_id in [$a, $b]]`, {a: author._id, b: 'missing'})).toBe(1)
    expect(reachedCount(`*[$id == _id || slug.current == $id]`, {id: slugOf(author)})).toBe(1)
    const referrers = index.positionsReferring.get(author._id)!.length
    expect(reachedCount(`*[references($id)]`, {id: author._id})).toBe(referrers)
    expect(reachedCount(`*[author._ref == $id]`, {id: author._id})).toBe(referrers)
  })
})
