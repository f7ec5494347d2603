import {once} from 'node:events'
import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {PUBLISH_NEIGHBOURS_QUERY, TERM_QUERY} from '@/sanity/queries'

type Received = {method?: string; path: string; search: URLSearchParams; authorization?: string}

/** The request being answered: whether its editor is in draft mode, and the perspective cookie. */
const mockRequest: {draftMode: boolean; perspective?: string} = {draftMode: false}
jest.mock('next/headers', () => ({
  draftMode: async () => ({isEnabled: mockRequest.draftMode}),
  cookies: async () => ({
    get: (name: string) =>
      name === 'sanity-preview-perspective' && mockRequest.perspective
        ? {value: mockRequest.perspective}
        : undefined,
  }),
}))

/**
 * A stand-in for the Content Lake's query API on a local port: the Sanity source must send
 * the very same GROQ and params the embedded source runs, with the published perspective
 * unless an editor is in draft mode.
 */
describe('the Sanity content source', () => {
  let server: Server
  let apiHost: string
  let received: Received[]
  const backlink = {_id: 'term-backlink', title: 'Backlink', slug: 'backlink'}

  /** The source is chosen from the env when the module loads, so load it fresh after setting it. */
  async function loadContent(env: Record<string, string> = {}) {
    delete process.env.SANITY_API_READ_TOKEN
    Object.assign(process.env, {SANITY_API_HOST: apiHost}, env)
    jest.resetModules()
    return import('@/lib/content')
  }

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost')
      received.push({
        method: request.method,
        path: url.pathname,
        search: url.searchParams,
        authorization: request.headers.authorization,
      })
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ms: 1, query: url.searchParams.get('query'), result: backlink}))
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    process.env.NEXT_PUBLIC_SANITY_PROJECT_ID = 'testproject'
    process.env.NEXT_PUBLIC_SANITY_DATASET = 'production'
    process.env.NEXT_PUBLIC_SANITY_API_VERSION = '2025-10-01'
  })

  beforeEach(() => {
    received = []
    mockRequest.draftMode = false
    delete mockRequest.perspective
  })

  afterAll(async () => {
    server.close()
    await once(server, 'close')
    for (const name of [
      'NEXT_PUBLIC_SANITY_PROJECT_ID',
      'NEXT_PUBLIC_SANITY_DATASET',
      'NEXT_PUBLIC_SANITY_API_VERSION',
      'SANITY_API_HOST',
      'SANITY_API_READ_TOKEN',
    ]) {
      delete process.env[name]
    }
  })

  it('getTerm sends TERM_QUERY with its params to the query endpoint and returns the result', async () => {
    const content = await loadContent()
    expect(content.usesEmbeddedDataset()).toBe(false)

    const term = await content.getTerm('backlink')

    expect(term).toEqual(backlink)
    expect(received).toHaveLength(1)
    const [request] = received
    expect(request.path).toBe('/v2025-10-01/data/query/production')
    expect(request.search.get('query')).toBe(TERM_QUERY)
    expect(request.search.get('$slug')).toBe('"backlink"')
    expect(request.search.get('perspective')).toBe('published')
  })

  it('reads published content outside draft mode, even with a read token configured', async () => {
    const content = await loadContent({SANITY_API_READ_TOKEN: 'test-read-token'})

    await content.getTerm('backlink')
    await content.listPublishNeighbours('term-backlink', [])

    expect(received.map((request) => request.search.get('query'))).toEqual([
      TERM_QUERY,
      PUBLISH_NEIGHBOURS_QUERY,
    ])
    expect(received.map((request) => request.search.get('perspective'))).toEqual(['published', 'published'])
  })

  it('reads drafts with the read token for an editor in draft mode, on every read, with edit markers only where asked', async () => {
    const content = await loadContent({SANITY_API_READ_TOKEN: 'test-read-token'})
    mockRequest.draftMode = true

    await content.getTerm('backlink', {stega: true})
    await content.listTerms()

    expect(received.map((request) => request.search.get('perspective'))).toEqual(['drafts', 'drafts'])
    expect(received.map((request) => request.authorization)).toEqual([
      'Bearer test-read-token',
      'Bearer test-read-token',
    ])
    // Stega comes back as encoded strings; the client asks the API for the source map it needs.
    expect(received.map((request) => request.search.get('resultSourceMap'))).toEqual([
      'withKeyArraySelector',
      null,
    ])
  })

  it('reads through the release the Presentation tool shows, from the perspective cookie', async () => {
    const content = await loadContent({SANITY_API_READ_TOKEN: 'test-read-token'})
    mockRequest.draftMode = true
    mockRequest.perspective = 'rSpring,drafts'

    await content.getGuide('link-building-playbook')

    expect(received[0].search.get('perspective')).toBe('rSpring,drafts')
  })

  it('reads published content for outputs others receive, even in draft mode', async () => {
    const content = await loadContent({SANITY_API_READ_TOKEN: 'test-read-token'})
    mockRequest.draftMode = true

    await content.getTermSummary('backlink', {published: true})
    await content.listPublishedPages()
    await content.getTermRevision('backlink')

    expect(received.map((request) => request.search.get('perspective'))).toEqual([
      'published',
      'published',
      'published',
    ])
  })

  it('refuses to read drafts without a read token', async () => {
    const content = await loadContent()
    mockRequest.draftMode = true
    await expect(content.getTerm('backlink', {stega: true})).rejects.toThrow(/SANITY_API_READ_TOKEN/)
    expect(received).toHaveLength(0)
  })
})
