import {once} from 'node:events'
import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {TERM_QUERY} from '@/sanity/queries'

type Received = {method?: string; path: string; search: URLSearchParams}

/**
 * A stand-in for the Content Lake's query API on a local port: the Sanity source must send
 * the very same GROQ and params the embedded source runs, with the published perspective.
 */
describe('the Sanity content source', () => {
  let server: Server
  let received: Received[]
  const backlink = {_id: 'term-backlink', title: 'Backlink', slug: 'backlink'}

  beforeAll(async () => {
    received = []
    server = createServer((request: IncomingMessage, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost')
      received.push({method: request.method, path: url.pathname, search: url.searchParams})
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ms: 1, query: url.searchParams.get('query'), result: backlink}))
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const {port} = server.address() as AddressInfo
    process.env.NEXT_PUBLIC_SANITY_PROJECT_ID = 'testproject'
    process.env.NEXT_PUBLIC_SANITY_DATASET = 'production'
    process.env.NEXT_PUBLIC_SANITY_API_VERSION = '2025-10-01'
    process.env.SANITY_API_HOST = `http://127.0.0.1:${port}`
  })

  afterAll(async () => {
    server.close()
    await once(server, 'close')
    delete process.env.NEXT_PUBLIC_SANITY_PROJECT_ID
    delete process.env.NEXT_PUBLIC_SANITY_DATASET
    delete process.env.NEXT_PUBLIC_SANITY_API_VERSION
    delete process.env.SANITY_API_HOST
  })

  it('getTerm sends TERM_QUERY with its params to the query endpoint and returns the result', async () => {
    // The source is chosen from the env when the module loads, so load it fresh after setting it.
    jest.resetModules()
    const content = await import('@/lib/content')
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
})
