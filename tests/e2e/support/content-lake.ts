import {randomUUID} from 'node:crypto'
import {once} from 'node:events'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

import {Mutation as SanityMutation} from '@sanity/mutator'
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
  /** Every mutation applied, oldest first: what the Studio's client wrote. */
  mutations: LakeMutation[]
  /** Every document action applied, oldest first: what the Studio's document operations wrote. */
  actions: LakeAction[]
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

/** A mutation as the Content Lake's mutate endpoint takes it: one kind of write, its document or patch. */
export type LakeMutation = Record<string, Record<string, unknown>>

/** A transaction the Content Lake would refuse, with the status it answers. */
class RefusedMutation extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Applies one transaction as the Content Lake does, all of it or nothing: creates (refused when
 * the id is taken), patches by Sanity's own mutation engine (refused when `ifRevisionID` is not
 * the document's revision), deletes by id or query. Each written document gets a new revision.
 */
async function applyMutations(documents: SanityDocument[], mutations: LakeMutation[]) {
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const now = new Date().toISOString()
  const write = (doc: SanityDocument) =>
    byId.set(doc._id, {
      ...doc,
      _createdAt: byId.get(doc._id)?._createdAt ?? now,
      _updatedAt: now,
      _rev: randomUUID(),
    })
  for (const mutation of mutations) {
    const [kind, body] = Object.entries(mutation)[0] ?? []
    if (kind === 'create' || kind === 'createIfNotExists' || kind === 'createOrReplace') {
      const doc = {...body, _id: (body!._id as string | undefined) ?? randomUUID()} as SanityDocument
      if (kind === 'create' && byId.has(doc._id)) throw new RefusedMutation(409, `Document ${doc._id} exists`)
      if (kind !== 'createIfNotExists' || !byId.has(doc._id)) write(doc)
    } else if (kind === 'patch') {
      const {id, ifRevisionID, ...operations} = body as {id: string; ifRevisionID?: string}
      const current = byId.get(id)
      if (!current) throw new RefusedMutation(404, `Document ${id} not found`)
      if (ifRevisionID && current._rev !== ifRevisionID) {
        throw new RefusedMutation(409, `Document ${id} has revision ${current._rev}, not ${ifRevisionID}`)
      }
      write(new SanityMutation({mutations: [{patch: {id, ...operations}}]}).apply(current) as SanityDocument)
    } else if (kind === 'delete' && typeof body!.id === 'string') {
      byId.delete(body!.id)
    } else if (kind === 'delete' && typeof body!.query === 'string') {
      const doomed = (await (await evaluate(parse(body!.query), {dataset: [...byId.values()]})).get()) as
        SanityDocument[] | null
      for (const doc of doomed ?? []) byId.delete(doc._id)
    } else {
      throw new Error(`No stand-in for the mutation ${JSON.stringify(mutation)}`)
    }
  }
  return [...byId.values()]
}

/** A document action as the Content Lake's Actions API takes it; the stand-in knows edits. */
export type LakeAction = {
  actionType: string
  draftId?: string
  publishedId?: string
  patch?: Record<string, unknown>
}

/**
 * Applies document actions as the Actions API does: an edit patches the draft, made from the
 * published document first when there is none. Any other action is refused, not guessed at.
 */
async function applyActions(documents: SanityDocument[], actions: LakeAction[]) {
  let next = documents
  for (const action of actions) {
    const {actionType, draftId, publishedId, patch} = action
    if (actionType !== 'sanity.action.document.edit' || !draftId || !publishedId || !patch) {
      throw new Error(`No stand-in for the action ${JSON.stringify(action)}`)
    }
    const published = next.find((doc) => doc._id === publishedId)
    const copy = published && {...published, _id: draftId}
    next = await applyMutations(next, [
      ...(copy ? [{createIfNotExists: copy}] : []),
      {patch: {id: draftId, ...patch}},
    ])
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
 * applies and records the mutations and document edits the Studio sends (`/data/mutate/<dataset>`,
 * `/data/actions/<dataset>`).
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
  const applied: LakeMutation[] = []
  const appliedActions: LakeAction[] = []

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
      const {mutations} = JSON.parse(await readBody(request)) as {mutations: LakeMutation[]}
      try {
        content = await applyMutations(content, mutations)
      } catch (error) {
        if (!(error instanceof RefusedMutation)) throw error
        response.statusCode = error.status
        response.end(JSON.stringify({error: {type: 'mutationError', description: error.message}}))
        return
      }
      applied.push(...mutations)
      response.end(JSON.stringify({transactionId: randomUUID(), results: []}))
      return
    }
    if (/^\/v[\w-]+\/data\/actions\/[\w-]+$/.test(url.pathname) && request.method === 'POST') {
      const {actions} = JSON.parse(await readBody(request)) as {actions: LakeAction[]}
      content = await applyActions(content, actions)
      appliedActions.push(...actions)
      response.end(JSON.stringify({transactionId: randomUUID()}))
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
    mutations: applied,
    actions: appliedActions,
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
