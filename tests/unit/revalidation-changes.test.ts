import path from 'node:path'

import {evaluate, parse} from 'groq-js'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {
  changedDocumentSchema,
  linkedIds,
  tagsForChange,
  WEBHOOK_FILTER,
  WEBHOOK_PROJECTION,
} from '@/lib/revalidation/changes'

const term = (slug: string, fields: Record<string, unknown> = {}) => ({
  _id: 'term-a',
  _type: 'term',
  title: 'Alpha',
  slug: {_type: 'slug', current: slug},
  ...fields,
})
const none = {linkers: [], linked: []}

describe('tagsForChange', () => {
  it('refreshes a retitled term, the term lists, the pages that show it and the pages it links to', () => {
    const change = {
      _id: 'term-a',
      _type: 'term' as const,
      before: term('alpha'),
      after: term('alpha', {title: 'Alpha 2'}),
    }
    const tags = tagsForChange(change, {
      linkers: [
        {_type: 'term', slug: 'beta'},
        {_type: 'guide', slug: 'a-guide'},
      ],
      linked: [{_type: 'author', slug: 'desk'}],
    })
    expect(tags).toEqual({
      stale: ['term:alpha', 'terms', 'term:beta', 'guide:a-guide', 'author:desk'],
      expired: [],
    })
  })

  it('refreshes only the term page for a field shown nowhere else', () => {
    const change = {
      _id: 'term-a',
      _type: 'term' as const,
      before: term('alpha', {seo: {title: 'Old'}}),
      after: term('alpha', {seo: {title: 'New'}}),
    }
    expect(tagsForChange(change, {linkers: [{_type: 'term', slug: 'beta'}], linked: []})).toEqual({
      stale: ['term:alpha'],
      expired: [],
    })
  })

  it('expires the old and the new address of a moved term and the term lists, so the old one redirects on the next visit', () => {
    const change = {_id: 'term-a', _type: 'term' as const, before: term('alpha'), after: term('alpha-2')}
    expect(tagsForChange(change, none)).toEqual({stale: [], expired: ['term:alpha-2', 'term:alpha', 'terms']})
  })

  it('expires a deleted term, a new one and the term lists', () => {
    expect(tagsForChange({_id: 'term-a', _type: 'term', before: term('alpha'), after: null}, none)).toEqual({
      stale: [],
      expired: ['term:alpha', 'terms'],
    })
    expect(tagsForChange({_id: 'term-a', _type: 'term', before: null, after: term('alpha')}, none)).toEqual({
      stale: [],
      expired: ['term:alpha', 'terms'],
    })
  })

  it('refreshes the lists and the pages around a document it cannot see (a delivery naming only an id)', () => {
    expect(
      tagsForChange(
        {_id: 'category-x', _type: 'category'},
        {linkers: [{_type: 'term', slug: 'alpha'}], linked: []},
      ),
    ).toEqual({
      stale: ['categories', 'term:alpha'],
      expired: [],
    })
  })

  it('ignores neighbours of a type with no page', () => {
    const change = {_id: 'author-x', _type: 'author' as const, before: {name: 'A'}, after: {name: 'B'}}
    expect(
      tagsForChange(change, {
        linkers: [
          {_type: 'sanity.imageAsset', slug: 'x'},
          {_type: 'term', slug: null},
        ],
        linked: [],
      }),
    ).toEqual({
      stale: ['authors'],
      expired: [],
    })
  })

  it('refuses a change to a type no page shows, or without an id or a type', () => {
    expect(changedDocumentSchema.safeParse({_id: 'image-1', _type: 'sanity.imageAsset'}).success).toBe(false)
    expect(changedDocumentSchema.safeParse({_type: 'term'}).success).toBe(false)
    expect(changedDocumentSchema.safeParse({_id: 'term-a'}).success).toBe(false)
    expect(changedDocumentSchema.safeParse({_id: 'term-a', _type: 'term'}).success).toBe(true)
  })
})

describe('linkedIds', () => {
  const withRefs = (...ids: string[]) =>
    term('alpha', {relatedTerms: ids.map((_ref) => ({_ref, _type: 'reference'}))})

  it('names every document a term references when a field they show changed', () => {
    const before = withRefs('term-b', 'term-c')
    expect(linkedIds({_id: 'term-a', _type: 'term', before, after: {...before, title: 'New'}})).toEqual([
      'term-b',
      'term-c',
    ])
  })

  it('names only the references added or removed when nothing they show changed', () => {
    const change = {
      _id: 'term-a',
      _type: 'term' as const,
      before: withRefs('term-b', 'term-c'),
      after: withRefs('term-c', 'term-d'),
    }
    expect(linkedIds(change)).toEqual(['term-b', 'term-d'])
  })
})

/**
 * The webhook's filter and projection as docs/publishing-and-preview.md tells editors to configure
 * them, run by groq-js in delta mode (with before() and after()) on real documents from the
 * embedded dataset.
 */
describe('the webhook payload', () => {
  let dataset: SanityDocument[]
  let backlink: SanityDocument

  beforeAll(async () => {
    dataset = await readDataset(path.join(__dirname, '../../sanity/seed/dataset.ndjson'))
    backlink = dataset.find((doc) => doc._id === 'term-backlink')!
  })

  async function payload(before: SanityDocument | null, after: SanityDocument | null) {
    const options = {root: after ?? before, before, after}
    const matches = await (await evaluate(parse(WEBHOOK_FILTER, {mode: 'delta'}), options)).get()
    const body = await (await evaluate(parse(WEBHOOK_PROJECTION, {mode: 'delta'}), options)).get()
    return {matches, body}
  }

  it('carries the document before and after the change, in a shape the handler accepts', async () => {
    const renamed = {...backlink, slug: {_type: 'slug', current: 'backlinks-explained'}}
    const {matches, body} = await payload(backlink, renamed)
    expect(matches).toBe(true)
    expect(body).toEqual({_id: 'term-backlink', _type: 'term', before: backlink, after: renamed})
    expect(changedDocumentSchema.parse(body)).toEqual(body)
  })

  it('sends a null after for a deletion and a null before for a creation', async () => {
    expect((await payload(backlink, null)).body).toMatchObject({before: backlink, after: null})
    expect((await payload(null, backlink)).body).toMatchObject({before: null, after: backlink})
    expect(changedDocumentSchema.safeParse((await payload(backlink, null)).body).success).toBe(true)
  })

  it('fires for the document types pages show, not for others', async () => {
    const author = dataset.find((doc) => doc._type === 'author')!
    expect((await payload(author, author)).matches).toBe(true)
    const asset = {_id: 'image-1', _type: 'sanity.imageAsset'}
    expect((await payload(asset, asset)).matches).toBe(false)
  })
})
