import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'

import {evaluate, parse} from 'groq-js'

import * as content from '@/lib/content'
import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {createLocalSource} from '@/lib/content/embedded/local-source'
import type {ContentSource} from '@/lib/content/source'
import {changedDocumentSchema, linkedIds, tagsForChange, WEBHOOK_PROJECTION} from '@/lib/revalidation/changes'
import {PUBLISH_NEIGHBOURS_QUERY} from '@/sanity/queries'
import type {PUBLISH_NEIGHBOURS_QUERY_RESULT} from '@/sanity/sanity.types'

const DATASET = path.join(__dirname, '../../sanity/seed/dataset.ndjson')
/** An old slug a document gains in one of the edits, so the redirect look-ups have one to find. */
const OLD_ADDRESS = 'an-old-address'

/** A query as a page or route runs it: the query, its parameters and the tags its answer is cached under. */
type Read = {query: string; params: Record<string, unknown>; tags: string[]}

const keyOf = ({query, params}: Pick<Read, 'query' | 'params'>) => JSON.stringify([query, params])

type Mutation = {what: string; id: string; apply: (documents: SanityDocument[]) => SanityDocument[]}

const slugOf = (doc: SanityDocument) => (doc.slug as {current?: string} | undefined)?.current

/** Every read the site's pages, outputs and route handlers make for the documents in `documents`. */
async function readEverything(documents: SanityDocument[]): Promise<void> {
  const slugs = (type: string) =>
    documents.filter((doc) => doc._type === type && slugOf(doc)).map((doc) => slugOf(doc)!)
  await Promise.all([
    ...slugs('term').flatMap((slug) => [
      content.getTerm(slug),
      content.getTermSummary(slug),
      content.getTermRevision(slug),
    ]),
    ...slugs('guide').map((slug) => content.getGuide(slug)),
    ...slugs('author').map((slug) => content.getAuthor(slug)),
    ...slugs('category').map((slug) => content.getCategory(slug)),
    content.listTermSlugs(),
    content.listTerms(),
    content.findTermRedirect('any'),
    content.listAuthorSlugs(),
    content.listGuideSlugs(),
    content.listGuides(),
    content.listCategories(),
    content.listRecentTerms(),
    content.listPublishedPages(),
    content.listTermRevisions(),
    ...(['guide', 'author', 'category'] as const).map((type) => content.findMovedPage(type, OLD_ADDRESS)),
  ])
}

/** A different value of the same shape, as an editor's edit would make it. */
function edited(value: unknown, field: string): unknown {
  if (typeof value === 'string') return `${value} (edited)`
  if (typeof value === 'number') return value + 1
  if (typeof value === 'boolean') return !value
  if (Array.isArray(value)) return value.length > 1 ? value.slice(0, -1) : [...value, ...value]
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (field === 'slug') return {...record, current: `${record.current}-moved`}
    const [key, child] = Object.entries(record).find(([key]) => !key.startsWith('_')) ?? []
    if (key) return {...record, [key]: edited(child, key)}
  }
  return `${String(value)} (edited)`
}

/** Another document of the type a reference points at, so the edit moves the reference. */
function moved(ref: {_ref: string}, documents: SanityDocument[]) {
  const type = documents.find((doc) => doc._id === ref._ref)?._type
  const other = documents.find((doc) => doc._type === type && doc._id !== ref._ref)
  return other ? {...ref, _ref: other._id} : undefined
}

/**
 * One edit per field of each sampled document, plus its deletion (after the documents that
 * reference it drop to weak references, as Sanity requires) and a new document like it.
 */
function mutationsOf(doc: SanityDocument, documents: SanityDocument[]): Mutation[] {
  const replace = (next: SanityDocument | null) => (all: SanityDocument[]) =>
    all.flatMap((other) => (other._id === doc._id ? (next ? [next] : []) : [other]))
  const mutations: Mutation[] = []
  for (const [field, value] of Object.entries(doc)) {
    if (field === '_id' || field === '_type' || field === '_createdAt') continue
    const ref = value as {_ref?: string}
    const next =
      typeof ref?._ref === 'string' ? moved(ref as {_ref: string}, documents) : edited(value, field)
    if (next !== undefined)
      mutations.push({what: `${doc._id}.${field}`, id: doc._id, apply: replace({...doc, [field]: next})})
  }
  if (!doc.previousSlugs) {
    const moved = {...doc, previousSlugs: [OLD_ADDRESS]}
    mutations.push({what: `${doc._id}.previousSlugs added`, id: doc._id, apply: replace(moved)})
  }
  mutations.push({what: `${doc._id} deleted`, id: doc._id, apply: replace(null)})
  const created = {
    ...doc,
    _id: `${doc._id}-new`,
    ...(slugOf(doc) ? {slug: {_type: 'slug', current: `${slugOf(doc)}-new`}} : {}),
  }
  mutations.push({what: `${doc._id}-new created`, id: created._id, apply: (all) => [...all, created]})
  return mutations
}

/** References to `id` made weak, so the dataset still loads once `id` is gone. */
const weakened = (documents: SanityDocument[], id: string) =>
  documents.map(
    (doc) =>
      JSON.parse(JSON.stringify(doc), (key, value) =>
        value && typeof value === 'object' && value._ref === id ? {...value, _weak: true} : value,
      ) as SanityDocument,
  )

/** The documents most others point at, and those with the most fields, of each published type. */
function sample(documents: SanityDocument[]): SanityDocument[] {
  const incoming = (doc: SanityDocument) =>
    documents.filter((other) => JSON.stringify(other).includes(`"_ref":"${doc._id}"`)).length
  return ['term', 'guide', 'author', 'category'].flatMap((type) => {
    const ofType = documents.filter((doc) => doc._type === type)
    const byLinks = [...ofType].sort((a, b) => incoming(b) - incoming(a))
    const byFields = [...ofType].sort((a, b) => Object.keys(b).length - Object.keys(a).length)
    return [...new Set([byLinks[0], byLinks[1], byFields[0]])]
  })
}

/**
 * The dependency map (lib/content/dependencies) checked against the queries themselves: each
 * field of sampled documents of the embedded dataset is edited in turn, every read the site
 * makes is run before and after, and each read whose answer changed must carry a tag the webhook
 * would refresh for that publish. A query that starts reading a field or type the map does not
 * cover fails here.
 */
describe('the dependency map covers every field the queries read', () => {
  let scratch: string
  let documents: SanityDocument[]
  let fetchSpy: jest.SpyInstance

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'dependency-map-'))
    documents = await readDataset(DATASET)
    fetchSpy = jest.spyOn(content.contentSource(), 'fetch')
  })

  afterAll(() => {
    fetchSpy.mockRestore()
    rmSync(scratch, {recursive: true, force: true})
  })

  /** A source over `docs`, written to a file of their own, as the server would load them. */
  function sourceOver(docs: SanityDocument[], name: string): ContentSource {
    const file = path.join(scratch, `${name}.ndjson`)
    writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
    return createLocalSource(file)
  }

  /** The reads the site makes for the slugs in `docs`, recorded while `source` answers them. */
  async function readsOf(docs: SanityDocument[], source: ContentSource): Promise<Read[]> {
    fetchSpy.mockImplementation((query: string, params: Record<string, unknown>) =>
      source.fetch(query, params, []),
    )
    await readEverything(docs)
    const calls = fetchSpy.mock.calls as [string, Record<string, unknown>, string[]][]
    fetchSpy.mockReset()
    const seen = new Map<string, Read>()
    for (const [query, params, tags] of calls)
      seen.set(JSON.stringify([query, params]), {query, params, tags})
    return [...seen.values()]
  }

  /**
   * The body Sanity's webhook sends for this change, made by the projection
   * docs/publishing-and-preview.md configures.
   */
  async function webhookBody(before: SanityDocument | null, after: SanityDocument | null) {
    const options = {root: after ?? before, before, after}
    return changedDocumentSchema.parse(
      await (await evaluate(parse(WEBHOOK_PROJECTION, {mode: 'delta'}), options)).get(),
    )
  }

  it('edits each field, deletes and creates sampled documents of every type, and finds no read left stale', async () => {
    const missed: string[] = []
    for (const doc of sample(documents)) {
      // Every mutation of one document starts from the same dataset, so its reads run once.
      const beforeDocs = weakened(documents, doc._id)
      const before = sourceOver(beforeDocs, 'before')
      const baseline = new Map<string, {read: Read; was: unknown}>()
      for (const read of await readsOf(beforeDocs, before)) {
        baseline.set(keyOf(read), {read, was: await before.fetch(read.query, read.params, [])})
      }
      for (const mutation of mutationsOf(doc, documents)) {
        const afterDocs = mutation.apply(beforeDocs)
        const after = sourceOver(afterDocs, 'after')
        const change = await webhookBody(
          beforeDocs.find((d) => d._id === mutation.id) ?? null,
          afterDocs.find((d) => d._id === mutation.id) ?? null,
        )
        const neighbours = await after.fetch<PUBLISH_NEIGHBOURS_QUERY_RESULT>(
          PUBLISH_NEIGHBOURS_QUERY,
          {id: change._id, linked: linkedIds(change)},
          [],
        )
        const {stale, expired} = tagsForChange(change, neighbours)
        const refreshed = new Set([...stale, ...expired])
        // The reads at the slugs the change brings (a new or moved document) are new answers.
        const reads = new Map(baseline)
        for (const read of await readsOf(afterDocs, after)) {
          if (!reads.has(keyOf(read))) reads.set(keyOf(read), {read, was: null})
        }
        for (const {read, was} of reads.values()) {
          const is = await after.fetch(read.query, read.params, [])
          if (!isDeepStrictEqual(was, is) && !read.tags.some((tag) => refreshed.has(tag))) {
            missed.push(
              `${mutation.what}: ${read.query.slice(0, 40)}… ${JSON.stringify(read.params)} [${read.tags}]`,
            )
          }
        }
      }
    }
    expect(missed).toEqual([])
  }, 120_000)
})
