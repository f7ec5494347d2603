import path from 'node:path'

import {evaluate, parse} from 'groq-js'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {
  changedDocumentSchema,
  tagsForChange,
  WEBHOOK_FILTER,
  WEBHOOK_PROJECTION,
} from '@/lib/revalidation/changes'
import {signatureTimestamp} from '@/lib/revalidation/webhook'

describe('tagsForChange', () => {
  it('refreshes a term under its slug, the term lists, and the pages of the terms and guides that show it', () => {
    const tags = tagsForChange({_id: 'term-a', _type: 'term', slug: 'alpha', previousSlug: 'alpha'}, [
      {_type: 'term', slug: 'beta'},
      {_type: 'guide', slug: 'a-guide'},
    ])
    expect(tags).toEqual(['term:alpha', 'term-index', 'term:beta', 'guide:a-guide'])
  })

  it('refreshes the old address too when the slug changes, so it turns into a redirect', () => {
    const tags = tagsForChange({_id: 'term-a', _type: 'term', slug: 'alpha-2', previousSlug: 'alpha'}, [])
    expect(tags).toEqual(['term:alpha-2', 'term:alpha', 'term-index'])
  })

  it('refreshes a deleted term (no slug after) and a new one (no slug before)', () => {
    expect(tagsForChange({_id: 'term-a', _type: 'term', slug: null, previousSlug: 'alpha'}, [])).toEqual([
      'term:alpha',
      'term-index',
    ])
    expect(tagsForChange({_id: 'term-a', _type: 'term', slug: 'alpha', previousSlug: null}, [])).toEqual([
      'term:alpha',
      'term-index',
    ])
  })

  it('refreshes a renamed author and every term that credits them', () => {
    const tags = tagsForChange({_id: 'author-x', _type: 'author', slug: 'desk', previousSlug: 'desk'}, [
      {_type: 'term', slug: 'alpha'},
      {_type: 'term', slug: 'beta'},
    ])
    expect(tags).toEqual(['author:desk', 'authors', 'term:alpha', 'term:beta'])
  })

  it('refreshes the index and the terms of a changed category', () => {
    expect(
      tagsForChange({_id: 'category-x', _type: 'category', slug: 'basics'}, [{_type: 'term', slug: 'alpha'}]),
    ).toEqual(['term-index', 'term:alpha'])
  })

  it('refreshes a guide under its old and new slug, the guide lists, and the terms that link it', () => {
    expect(
      tagsForChange({_id: 'guide-x', _type: 'guide', slug: 'start-2', previousSlug: 'start'}, [
        {_type: 'term', slug: 'alpha'},
        {_type: 'term', slug: null},
      ]),
    ).toEqual(['guide:start-2', 'guide:start', 'guides', 'term:alpha'])
  })

  it('refuses a change to a type no page shows, or without an id or a type', () => {
    expect(changedDocumentSchema.safeParse({_id: 'image-1', _type: 'sanity.imageAsset'}).success).toBe(false)
    expect(changedDocumentSchema.safeParse({_type: 'term', slug: 'alpha'}).success).toBe(false)
    expect(changedDocumentSchema.safeParse({_id: 'term-a', slug: 'alpha'}).success).toBe(false)
    expect(changedDocumentSchema.safeParse({_id: 'term-a', _type: 'term'}).success).toBe(true)
  })
})

/**
 * The webhook's filter and projection as the README tells editors to configure them, run by
 * groq-js in delta mode (with before() and after()) on real documents from the embedded dataset.
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

  it('names a renamed term with its new and its old slug, in a shape the handler accepts', async () => {
    const renamed = {...backlink, slug: {_type: 'slug', current: 'backlinks-explained'}}
    const {matches, body} = await payload(backlink, renamed)
    expect(matches).toBe(true)
    expect(body).toEqual({
      _id: 'term-backlink',
      _type: 'term',
      slug: 'backlinks-explained',
      previousSlug: 'backlink',
    })
    expect(changedDocumentSchema.parse(body)).toEqual(body)
  })

  it('sends a null slug for a deletion and a null previous slug for a creation', async () => {
    expect((await payload(backlink, null)).body).toMatchObject({slug: null, previousSlug: 'backlink'})
    expect((await payload(null, backlink)).body).toMatchObject({slug: 'backlink', previousSlug: null})
    expect(changedDocumentSchema.safeParse((await payload(backlink, null)).body).success).toBe(true)
  })

  it('fires for the document types pages show, not for others', async () => {
    const author = dataset.find((doc) => doc._type === 'author')!
    expect((await payload(author, author)).matches).toBe(true)
    const asset = {_id: 'image-1', _type: 'sanity.imageAsset'}
    expect((await payload(asset, asset)).matches).toBe(false)
  })
})

describe('signatureTimestamp', () => {
  it('reads the time from a Sanity signature header', () => {
    expect(signatureTimestamp('t=1732449600000,v1=abc-_123')).toBe(1732449600000)
  })

  it('refuses anything else', () => {
    expect(signatureTimestamp(null)).toBeNull()
    expect(signatureTimestamp('v1=abc')).toBeNull()
    expect(signatureTimestamp('t=soon,v1=abc')).toBeNull()
  })
})
