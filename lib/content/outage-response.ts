import {AsyncLocalStorage} from 'node:async_hooks'
import {subscribe} from 'node:diagnostics_channel'
import {readFileSync} from 'node:fs'
import type {IncomingMessage, ServerResponse} from 'node:http'
import path from 'node:path'

import {log} from '@/lib/observability/log.mjs'
import {processWide} from '@/lib/runtime/process-wide.mjs'

/**
 * What a reader gets when the Content Lake is down and nothing cached can answer: a 503 with
 * Retry-After, never cached, whose body is readable — for a page, the prerendered /unavailable
 * page (site header, search box, what to do; its scripts removed so it is plain HTML); for
 * anything else, JSON.
 *
 * Next decides a page's status itself and offers no 503 a page can throw, and it answers a failed
 * render with a 500 whose HTML is an empty shell (the text comes only with JavaScript). So the
 * request that met the outage is remembered (an AsyncLocalStorage entered when Node's HTTP server
 * starts the request, before Next sees it), and when Next then writes its 500 the answer becomes
 * this 503 instead. Only such requests are touched; every other response passes as Next wrote it.
 *
 * Next also prints each failed render with its stack. A lake outage is expected and logged once
 * (lib/content/lake-guard.ts), so those prints are dropped; every other error still prints.
 */

type RequestScope = {request: IncomingMessage; response: ServerResponse; unavailable: boolean}

const shared = processWide('outage-responses', () => ({
  requestScope: new AsyncLocalStorage<RequestScope>(),
  outagePage: undefined as string | undefined,
}))
const {requestScope} = shared

const isContentUnavailable = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as Error).name === 'ContentUnavailableError'

/** Installs the request scope and the quiet console; once per process, at start-up. */
export function installOutageResponses(distDir: string) {
  if (shared.outagePage !== undefined) return
  shared.outagePage = readOutagePage(distDir)
  subscribe('http.server.request.start', (message) => {
    const {request, response} = message as {request: IncomingMessage; response: ServerResponse}
    requestScope.enterWith({request, response, unavailable: false})
  })
  const print = console.error.bind(console)
  console.error = (...values: unknown[]) => {
    if (!values.some(isContentUnavailable)) print(...values)
  }
}

/**
 * The current request met the outage: its 500, if Next writes one, goes out as a 503 asking to
 * come back after `retryAfterSeconds`. True the first time for a request (or outside one), so the
 * caller counts requests, not queries.
 */
export function markRequestUnavailable(retryAfterSeconds: number): boolean {
  const scope = requestScope.getStore()
  if (!scope) return true
  if (scope.unavailable) return false
  scope.unavailable = true
  answerUnavailable(scope, retryAfterSeconds)
  return true
}

function readOutagePage(distDir: string): string {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), distDir, 'server/app/unavailable.html')
  try {
    return readFileSync(file, 'utf8')
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<link\b[^>]*\bas="script"[^>]*>/g, '')
  } catch (error) {
    log.warn({reason: (error as Error).message}, 'no prerendered outage page; a plain one is used')
    return (
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>' +
      '<body><main><h1>This page is temporarily unavailable</h1><p>Try again in a minute.</p>' +
      '<form action="/glossary" method="get" role="search"><label>Search the glossary <input name="q"></label>' +
      '<button>Search</button></form></main></body></html>'
    )
  }
}

/** Pages get HTML; the APIs, Markdown, feeds and sitemaps, whose readers are programs, get JSON. */
function wantsHtml(request: IncomingMessage): boolean {
  const pathname = (request.url ?? '/').split('?')[0]!
  return !pathname.startsWith('/api/') && !/\.(md|xml|txt|json)$/.test(pathname)
}

function answerUnavailable({request, response}: RequestScope, retryAfterSeconds: number) {
  const html = wantsHtml(request)
  const body = html
    ? (shared.outagePage ?? '')
    : JSON.stringify({
        error: `The content is temporarily unavailable. Try again in ${retryAfterSeconds} seconds.`,
      })
  const headers = {
    'content-type': html ? 'text/html; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'retry-after': String(retryAfterSeconds),
  }
  const {writeHead} = response
  const end = response.end as (...args: unknown[]) => ServerResponse
  let replacing: boolean | undefined
  // Decided once, by the status Next chose: only its answer to an uncaught error (500) is replaced;
  // a route that answered the outage itself (the webhook's 502, feedback's 503) keeps its answer.
  const replaces = (status: number) => (replacing ??= status === 500 && !response.headersSent)
  const writeOurHead = () => {
    for (const name of ['content-encoding', 'etag', 'vary']) response.removeHeader(name)
    writeHead.call(response, 503, headers)
  }
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (!replaces(status))
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest)
    writeOurHead()
    return this
  } as ServerResponse['writeHead']
  const write = response.write
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!replaces(this.statusCode)) return (write as (...a: unknown[]) => boolean).apply(this, args)
    if (!this.headersSent) writeOurHead()
    return true
  } as ServerResponse['write']
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!replaces(this.statusCode)) return end.apply(this, args)
    if (!this.headersSent) writeOurHead()
    return request.method === 'HEAD' ? end.call(this) : end.call(this, body, 'utf8')
  } as ServerResponse['end']
}
