import {once} from 'node:events'
import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {PUBLISH_NEIGHBOURS_QUERY, TERM_QUERY} from '@/sanity/queries'

type Received = {method?: string; path: string; search: URLSearchParams; authorization?: string}

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

  it('reads drafts with the read token only when asked to by draft mode', async () => {
    const content = await loadContent({SANITY_API_READ_TOKEN: 'test-read-token'})

    await content.getTerm('backlink', {draft: {stega: false}})

    expect(received).toHaveLength(1)
    expect(received[0].search.get('perspective')).toBe('drafts')
    expect(received[0].authorization).toBe('Bearer test-read-token')
  })

  it('refuses to read drafts without a read token', async () => {
    const content = await loadContent()
    await expect(content.getTerm('backlink', {draft: {stega: true}})).rejects.toThrow(/SANITY_API_READ_TOKEN/)
    expect(received).toHaveLength(0)
  })
})
