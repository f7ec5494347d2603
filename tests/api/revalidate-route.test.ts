import path from 'node:path'

import {revalidateTag} from 'next/cache'
import {NextRequest} from 'next/server'

import {POST} from '@/app/api/revalidate/route'
import {listPublishNeighbours} from '@/lib/content'
import {readDataset} from '@/lib/content/dataset'
import {log as logger} from '@/lib/observability/log.mjs'
import {linkedIds} from '@/lib/revalidation/changes'

import {webhookHeaders} from '@/tests/e2e/support/webhook'

jest.mock('next/cache', () => ({revalidateTag: jest.fn()}))

const SECRET = 'test-webhook-secret'

/** The page tags of referencing documents, in the order the look-up returns them. */
const pageTagsOf = (referrers: {_type: string; slug: string}[]) =>
  referrers.filter((doc) => doc.slug).map((doc) => `${doc._type}:${doc.slug}`)
const revalidated = () => (revalidateTag as jest.Mock).mock.calls

async function deliver(
  body: string,
  {secret = SECRET, timestamp = Date.now()}: {secret?: string; timestamp?: number} = {},
) {
  const request = new NextRequest('http://localhost/api/revalidate', {
    method: 'POST',
    headers: await webhookHeaders(body, secret, timestamp),
    body,
  })
  const response = await POST(request)
  return {status: response.status, body: (await response.json()) as {error?: string; revalidated?: string[]}}
}

/**
 * The webhook handler with real signatures (made by @sanity/webhook, as Sanity makes them) and
 * the referencing documents looked up in the real embedded dataset. Only Next's cache is a spy.
 */
describe('POST /api/revalidate', () => {
  beforeEach(() => {
    process.env.SANITY_REVALIDATE_SECRET = SECRET
    ;(revalidateTag as jest.Mock).mockClear()
  })

  afterAll(() => {
    delete process.env.SANITY_REVALIDATE_SECRET
  })

  /** A published document of the embedded dataset, as the webhook's before() or after() carries it. */
  async function documentOf(id: string) {
    const documents = await readDataset(path.join(__dirname, '../../sanity/seed/dataset.ndjson'))
    return documents.find((doc) => doc._id === id)!
  }

  it('expires a moved term at its old and new address, and refreshes the term lists and every page around it', async () => {
    const before = await documentOf('term-backlink')
    const after = {...before, slug: {_type: 'slug', current: 'backlinks-explained'}}
    const response = await deliver(JSON.stringify({_id: before._id, _type: 'term', before, after}))

    const {linkers, linked} = await listPublishNeighbours(
      'term-backlink',
      linkedIds({_id: before._id, _type: 'term', before, after}),
    )
    expect(pageTagsOf(linkers)).toEqual(
      expect.arrayContaining(['term:link-building', 'guide:link-building-playbook']),
    )
    // Its author and category list it, so they show the new address too.
    expect(pageTagsOf(linked)).toEqual(expect.arrayContaining(['author:glossary-editorial-team']))
    const aroundPages = [...new Set(pageTagsOf([...linkers, ...linked]))]
    const expired = ['term:backlinks-explained', 'term:backlink', 'terms']
    expect(response.status).toBe(200)
    expect(response.body.revalidated).toEqual([...expired, ...aroundPages])
    expect(revalidated()).toEqual(
      expect.arrayContaining([
        ...expired.map((tag) => [tag, {expire: 0}]),
        ...aroundPages.map((tag) => [tag, 'max']),
      ]),
    )
  }, 15_000)

  it('refreshes a renamed author, the author lists and the pages of the terms and guides that credit them', async () => {
    const before = await documentOf('author-glossary-editorial-team')
    const {linkers} = await listPublishNeighbours(before._id, [])
    const credited = pageTagsOf(linkers)
    expect(credited.length).toBeGreaterThan(0)

    const change = {_id: before._id, _type: 'author', before, after: {...before, name: 'The Desk'}}
    const response = await deliver(JSON.stringify(change))

    expect(response.status).toBe(200)
    expect(revalidated().map(([tag]) => tag)).toEqual([
      'author:glossary-editorial-team',
      'authors',
      ...credited,
    ])
  }, 15_000)

  it('refuses every call when no secret is configured, and says why in the log once', async () => {
    delete process.env.SANITY_REVALIDATE_SECRET
    const log = jest.spyOn(logger, 'error').mockImplementation(() => {})
    for (let call = 0; call < 20; call++) {
      const response = await deliver(JSON.stringify({_id: 'term-backlink', _type: 'term', slug: 'backlink'}))
      expect(response.status).toBe(500)
      expect(response.body.error).toMatch(/not configured/)
    }
    expect(log).toHaveBeenCalledTimes(1)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('SANITY_REVALIDATE_SECRET is not set'))
    expect(revalidated()).toEqual([])
    log.mockRestore()
  })

  it('answers a repeated delivery without running it again, and runs a new one', async () => {
    const body = JSON.stringify({_id: 'term-deleted', _type: 'term'})
    const headers = await webhookHeaders(body, SECRET)
    const send = (extra: Record<string, string> = {}) =>
      POST(
        new NextRequest('http://localhost/api/revalidate', {
          method: 'POST',
          headers: {...headers, ...extra},
          body,
        }),
      )
    expect((await send()).status).toBe(200)
    const replay = await send()
    expect([replay.status, await replay.json()]).toEqual([200, {revalidated: [], repeated: true}])
    expect(revalidated()).toEqual([['terms', 'max']])
    // Sanity names its deliveries: another delivery of the same change runs.
    const named = await send({'idempotency-key': 'delivery-2'})
    expect(await named.json()).toEqual({revalidated: ['terms']})
    expect((await (await send({'idempotency-key': 'delivery-2'})).json()).repeated).toBe(true)
    expect(revalidated()).toHaveLength(2)
  })

  it('refuses a body over 64 KB before reading the rest of it, declared or streamed', async () => {
    const declared = await POST(
      new NextRequest('http://localhost/api/revalidate', {
        method: 'POST',
        headers: {...(await webhookHeaders('{}', SECRET)), 'content-length': String(5 * 1024 * 1024)},
        body: '{}',
      }),
    )
    expect([declared.status, (await declared.json()).error]).toEqual([413, 'The body is larger than 64 KB.'])

    // 5 MB offered in 16 KB chunks with no length: reading stops just past the limit.
    let pulled = 0
    const chunk = new Uint8Array(16 * 1024).fill(0x20)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength
        if (pulled > 5 * 1024 * 1024) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const streamed = await POST(
      new NextRequest(
        new Request('http://localhost/api/revalidate', {
          method: 'POST',
          headers: await webhookHeaders('{}', SECRET),
          body: stream,
          duplex: 'half',
        } as RequestInit),
      ),
    )
    expect(streamed.status).toBe(413)
    expect(pulled).toBeLessThan(128 * 1024)
    expect(revalidated()).toEqual([])
  })

  it('rejects a signature made with another secret', async () => {
    const response = await deliver(JSON.stringify({_id: 'term-backlink', _type: 'term', slug: 'backlink'}), {
      secret: 'guessed',
    })
    expect(response).toEqual({status: 401, body: {error: 'Invalid signature.'}})
    expect(revalidated()).toEqual([])
  })

  it('rejects a call without a signature', async () => {
    const request = new NextRequest('http://localhost/api/revalidate', {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({_id: 'term-backlink', _type: 'term', slug: 'backlink'}),
    })
    const response = await POST(request)
    expect(response.status).toBe(401)
    expect(revalidated()).toEqual([])
  })

  it('rejects a replayed delivery: a valid signature more than 5 minutes old', async () => {
    const sixMinutesAgo = Date.now() - 6 * 60 * 1000
    const response = await deliver(JSON.stringify({_id: 'term-backlink', _type: 'term', slug: 'backlink'}), {
      timestamp: sixMinutesAgo,
    })
    expect(response.status).toBe(401)
    expect(response.body.error).toMatch(/more than 5 minutes old/)
    expect(revalidated()).toEqual([])
  })

  it('rejects a signed body that is not JSON, and one that is not a document change', async () => {
    const [notJson, ...notChanges] = await Promise.all([
      deliver('{"_id": "term-backlink",'),
      deliver(JSON.stringify({ids: {updated: ['term-backlink']}})),
      deliver(JSON.stringify({_id: 'image-abc', _type: 'sanity.imageAsset'})),
      deliver(JSON.stringify({_type: 'term', slug: 'backlink'})),
      deliver(JSON.stringify({_id: 'term-backlink', slug: 'backlink'})),
    ])
    expect(notJson).toEqual({status: 400, body: {error: 'The body is not valid JSON.'}})
    // Without a valid signature nothing is parsed: malformed JSON is refused as unsigned.
    expect(await deliver('{"_id": "term-backlink",', {secret: 'guessed'})).toEqual({
      status: 401,
      body: {error: 'Invalid signature.'},
    })
    for (const notAChange of notChanges) {
      expect(notAChange.status).toBe(400)
      expect(notAChange.body.error).toMatch(/not a document change/)
    }
    expect(revalidated()).toEqual([])
  }, 15_000)

  it('refreshes the lists of a document that no longer exists (a deletion looks like that)', async () => {
    const response = await deliver(JSON.stringify({_id: 'term-deleted', _type: 'term'}))
    expect(response).toEqual({status: 200, body: {revalidated: ['terms']}})
    expect(revalidated()).toEqual([['terms', 'max']])
  }, 15_000)
})
