/**
 * @jest-environment node
 */
import {once} from 'node:events'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {installOutageResponses, markRequestUnavailable} from '@/lib/content/outage-response'

import {rawRequest} from '@/tests/e2e/support/http'

/** What a route does: meets the outage (or not) somewhere down its async work, then answers as Next would. */
type Route = (response: ServerResponse) => Promise<void>

describe('the answer to a request that met a Content Lake outage', () => {
  let dir: string
  let server: Server
  let base: string
  const routes = new Map<string, Route>()
  // What reaches the console under the filter the install puts in front of it.
  const printed: unknown[][] = []

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'outage-response-'))
    mkdirSync(path.join(dir, 'server/app'), {recursive: true})
    writeFileSync(
      path.join(dir, 'server/app/unavailable.html'),
      '<!DOCTYPE html><html lang="en"><head><link rel="preload" as="script" href="/a.js"/>' +
        '<script src="/a.js" async=""></script></head><body><h1>This page is temporarily unavailable</h1>' +
        '<script>self.__next_f.push([1,"payload"])</script></body></html>',
    )
    console.error = (...values: unknown[]) => printed.push(values)
    installOutageResponses(dir)
    server = createServer((request, response) => {
      void routes.get(request.url!.split('?')[0]!)!(response)
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.close()
    await once(server, 'close')
    rmSync(dir, {recursive: true, force: true})
  })

  const later = () => new Promise((resolve) => setTimeout(resolve, 5))

  it("turns a page's 500 into a 503 with the outage page, as plain HTML, never cached", async () => {
    routes.set('/glossary/backlink', async (response) => {
      await later()
      expect(markRequestUnavailable(7)).toBe(true)
      expect(markRequestUnavailable(7)).toBe(false) // the same request counts once
      response.statusCode = 500
      response.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate')
      response.setHeader('x-frame-options', 'DENY')
      response.write('<html id="__next_error__">')
      response.end('</html>')
    })
    const answer = await rawRequest(`${base}/glossary/backlink`)
    expect(answer.status).toBe(503)
    expect(answer.headers).toMatchObject({
      'retry-after': '7',
      'cache-control': 'no-store',
      'content-type': 'text/html; charset=utf-8',
      // Headers the site sets on every answer stay.
      'x-frame-options': 'DENY',
    })
    expect(answer.body).toBe(
      '<!DOCTYPE html><html lang="en"><head></head><body><h1>This page is temporarily unavailable</h1></body></html>',
    )
  })

  it('answers JSON to programs, also when the error was written with writeHead', async () => {
    routes.set('/api/terms/backlink', async (response) => {
      await later()
      markRequestUnavailable(3)
      response.writeHead(500, {'content-type': 'text/plain', 'content-length': '5'})
      response.end('error')
    })
    const answer = await rawRequest(`${base}/api/terms/backlink`)
    expect(answer.status).toBe(503)
    expect(answer.headers['retry-after']).toBe('3')
    expect(JSON.parse(answer.body)).toEqual({
      error: 'The content is temporarily unavailable. Try again in 3 seconds.',
    })
  })

  it('leaves a request that got its answer anyway (a cached page) as it was', async () => {
    routes.set('/glossary/cached', async (response) => {
      await later()
      markRequestUnavailable(5)
      response.setHeader('content-type', 'text/html')
      response.end('<h1>Backlink</h1>')
    })
    const answer = await rawRequest(`${base}/glossary/cached`)
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('<h1>Backlink</h1>')
  })

  it('leaves an answer a route chose for the outage itself (a 502) alone', async () => {
    routes.set('/api/revalidate', async (response) => {
      await later()
      markRequestUnavailable(5)
      response.statusCode = 502
      response.end('{"error":"lookup failed","revalidated":["terms"]}')
    })
    const answer = await rawRequest(`${base}/api/revalidate`)
    expect(answer.status).toBe(502)
    expect(answer.body).toContain('revalidated')
  })

  it('leaves errors of requests that met no outage alone', async () => {
    routes.set('/broken', async (response) => {
      await later()
      response.statusCode = 500
      response.end('a bug')
    })
    const answer = await rawRequest(`${base}/broken`)
    expect(answer.status).toBe(500)
    expect(answer.body).toBe('a bug')
  })

  it('keeps the console quiet about the outage, and only about it', () => {
    const outage = Object.assign(new Error('The Content Lake is unavailable (timeout).'), {
      name: 'ContentUnavailableError',
    })
    const bug = new Error('a real bug')
    console.error('⨯', outage)
    console.error('⨯', bug)
    expect(printed).toEqual([['⨯', bug]])
  })
})
