import {randomUUID} from 'node:crypto'
import {once} from 'node:events'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

import {evaluate, parse} from 'groq-js'

import type {SanityDocument} from '@/lib/content/dataset'
import {isPublishedId} from '@/lib/content/document-ids'

export type ReceivedQuery = {
  query: string
  params: Record<string, unknown>
  perspective: string | null
  authorization: string | null
}

/**
 * How the stand-in fails, as the Content Lake can: `down` refuses connections, `hung` accepts and
 * never answers, `failing` answers 500, `rate-limited` answers 429 with Retry-After.
 */
export type LakeFault = 'down' | 'hung' | 'failing' | {rateLimited: {retryAfterSeconds: number}}

export type ContentLake = {
  url: string
  port: number
  /** Every query received, oldest first. */
  received: ReceivedQuery[]
  /** Requests of any kind that reached the stand-in, failed ones included. */
  requestCount: () => number
  /** Replaces the content, as a publish in the Studio would. */
  setDocuments: (documents: SanityDocument[]) => void
  /** Starts failing this way, or (null) answers again: hung requests are dropped, a closed port reopened. */
  setFault: (fault: LakeFault | null) => Promise<void>
  stop: () => Promise<void>
}

/**
 * What each perspective sees: `published` (the default) only published documents; `drafts` each
 * document's draft in its place, under the published id; a release stack (`rSpring,drafts`) the
 * release's version over the draft over the published document; `raw` everything as stored.
 */
function documentsFor(perspective: string | null, documents: SanityDocument[]): SanityDocument[] {
  if (perspective === 'raw') return documents
  const byId = new Map(documents.filter((doc) => isPublishedId(doc._id)).map((doc) => [doc._id, doc]))
  // The stack is listed highest first, so lay it on from the bottom up.
  for (const layer of (perspective ?? 'published').split(',').reverse()) {
    if (layer === 'published') continue
    const prefix = layer === 'drafts' || layer === 'previewDrafts' ? 'drafts.' : `versions.${layer}.`
    for (const version of documents.filter((doc) => doc._id.startsWith(prefix))) {
      const id = version._id.slice(prefix.length)
      byId.set(id, {...version, _id: id, _originalId: version._id})
    }
  }
  return [...byId.values()]
}

/** groq-js slices by constant numbers only; the Content Lake (and the Studio) also slice by parameter. */
const withConstantSlices = (query: string, params: Record<string, unknown>) =>
  query.replace(
    /\[(\s*\d+\s*\.{2,3}\s*)\$(\w+)\s*\]/g,
    (_, start: string, name: string) => `[${start}${Number(params[name])}]`,
  )

/**
 * Studio 6 searches and lists documents with GROQ 2024 search (`match text::query($q)`), which
 * groq-js does not implement; `match` on the same words (the older search) stands in for it.
 */
const withLegacyTextSearch = (query: string) => query.replace(/\btext::query\(/g, '(')

/** The mutations the Studio sends (the Presentation tool's preview secret, for one): no more. */
type Mutation =
  | {createOrReplace: SanityDocument}
  | {patch: {id: string; set: Record<string, unknown>}}
  | {delete: {id?: string; query?: string}}

/** Applies one transaction, stamping each written document with a new revision and time. */
async function applyMutations(documents: SanityDocument[], mutations: Mutation[]) {
  let next = documents
  const stamp = (doc: SanityDocument): SanityDocument => ({
    ...doc,
    _rev: randomUUID(),
    _updatedAt: new Date().toISOString(),
  })
  for (const mutation of mutations) {
    if ('createOrReplace' in mutation) {
      const doc = stamp(mutation.createOrReplace)
      next = [...next.filter((d) => d._id !== doc._id), doc]
    } else if ('patch' in mutation) {
      const {id, set} = mutation.patch
      next = next.map((d) => (d._id === id ? stamp({...d, ...set}) : d))
    } else if (mutation.delete.id) {
      next = next.filter((d) => d._id !== mutation.delete.id)
    } else if (mutation.delete.query) {
      const doomed = (await (await evaluate(parse(mutation.delete.query), {dataset: next})).get()) as
        SanityDocument[] | null
      const ids = new Set((doomed ?? []).map((d) => d._id))
      next = next.filter((d) => !ids.has(d._id))
    } else {
      throw new Error(`No stand-in for the mutation ${JSON.stringify(mutation)}`)
    }
  }
  return next
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) body += chunk
  return body
}

/**
 * A local stand-in for the Content Lake's query API (`/v<date>/data/query/<dataset>`, GET or
 * POST): it runs the GROQ it receives with groq-js over the documents it was given, honouring
 * the perspective, and records each query so tests can check what the site asked for. It also
 * hands out documents by id (`/data/doc/<dataset>/<ids>`), as the Studio asks for them, and
 * applies the few mutations the Studio sends (`/data/mutate/<dataset>`).
 */
export async function startContentLake({
  documents,
  port = 0,
}: {
  documents: SanityDocument[]
  port?: number
}): Promise<ContentLake> {
  let content = documents
  let fault: LakeFault | null = null
  let requests = 0
  const received: ReceivedQuery[] = []

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost')
    response.setHeader('content-type', 'application/json')
    requests++
    if (fault === 'hung') return
    if (fault === 'failing') {
      response.statusCode = 500
      response.end(JSON.stringify({error: {description: 'Internal error'}}))
      return
    }
    if (typeof fault === 'object' && fault !== null) {
      response.statusCode = 429
      response.setHeader('retry-after', String(fault.rateLimited.retryAfterSeconds))
      response.end(JSON.stringify({error: {description: 'Too many requests'}}))
      return
    }
    const doc = url.pathname.match(/^\/v[\w-]+\/data\/doc\/[\w-]+\/(.+)$/)
    if (doc) {
      const ids = decodeURIComponent(doc[1]).split(',')
      response.end(JSON.stringify({documents: content.filter((d) => ids.includes(d._id)), omitted: []}))
      return
    }
    if (/^\/v[\w-]+\/data\/mutate\/[\w-]+$/.test(url.pathname) && request.method === 'POST') {
      const {mutations} = JSON.parse(await readBody(request)) as {mutations: Mutation[]}
      content = await applyMutations(content, mutations)
      response.end(JSON.stringify({transactionId: randomUUID(), results: []}))
      return
    }
    if (!/^\/v[\w-]+\/data\/query\/[\w-]+$/.test(url.pathname)) {
      response.statusCode = 404
      response.end(JSON.stringify({error: {description: `No stand-in for ${url.pathname}`}}))
      return
    }
    let query = url.searchParams.get('query') ?? ''
    let params: Record<string, unknown> = {}
    for (const [key, value] of url.searchParams) {
      if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
    }
    if (request.method === 'POST') {
      const body = JSON.parse(await readBody(request)) as {query: string; params?: Record<string, unknown>}
      query = body.query
      params = body.params ?? {}
    }
    const perspective = url.searchParams.get('perspective')
    received.push({query, params, perspective, authorization: request.headers.authorization ?? null})
    try {
      const dataset = documentsFor(perspective, content)
      const result = await (
        await evaluate(parse(withLegacyTextSearch(withConstantSlices(query, params))), {dataset, params})
      ).get()
      response.end(JSON.stringify({ms: 1, query, result}))
    } catch (error) {
      response.statusCode = 400
      response.end(JSON.stringify({error: {description: (error as Error).message}}))
    }
  }

  const server: Server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      response.statusCode = 500
      response.end(JSON.stringify({error: {description: error.message}}))
    })
  })
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  const actualPort = (server.address() as AddressInfo).port
  const close = async () => {
    server.closeAllConnections()
    server.close()
    await once(server, 'close')
  }
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    received,
    requestCount: () => requests,
    setDocuments: (next) => (content = next),
    setFault: async (next) => {
      const wasDown = fault === 'down'
      fault = next
      if (next === 'down' && !wasDown) await close()
      if (next !== 'down' && wasDown) {
        server.listen(actualPort, '127.0.0.1')
        await once(server, 'listening')
      }
      // Requests left hanging end with the fault, as a lake that comes back drops them.
      if (next === null) server.closeAllConnections()
    },
    stop: close,
  }
}
