import {readFileSync} from 'node:fs'
import {mkdtemp, writeFile} from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'

import {agent} from '@/bench/lib/http'
import {generateDataset, toNdjson} from '@/bench/lib/synthetic-dataset'
import {crawl, measureColdRender, memoryFloorPaths} from '@/bench/phases/cold-render'
import {DEFAULT_REVIEW_RULES} from '@/lib/feedback/needs-review'
import {rankFeedback, wholeSummary} from '@/lib/feedback/summary'
import {measureContentQueries} from '@/bench/phases/content-queries'
import {BENCH_ADMIN_TOKEN, measureFeedback} from '@/bench/phases/feedback'
import {longGuide, measureMentionFinder} from '@/bench/phases/mention-finder'
import {measureSearch} from '@/bench/phases/search'
import {parseDataset} from '@/lib/content/dataset'

/**
 * The measuring code against local servers that keep the routes' contracts (the real routes are
 * built on other branches): POST /api/feedback stores one vote per reader and term and answers
 * 201, GET /api/feedback/summary counts per term, GET /api/search answers JSON.
 */
type Handler = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => void

async function serve(handler: Handler): Promise<{url: string; close: () => Promise<void>}> {
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => handler(request, body, response))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const json = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, {'Content-Type': 'application/json'})
  response.end(JSON.stringify(body))
}

/** A feedback store keeping the contract; `lose` drops some votes while still answering 201. */
function feedbackRoutes({lose = () => false}: {lose?: (index: number) => boolean} = {}): Handler {
  const votes = new Map<string, {term: string; vote: string}>()
  let received = 0
  return (request, body, response) => {
    if (request.method === 'POST' && request.url === '/api/feedback') {
      const {term, vote} = JSON.parse(body) as {term: string; vote: string}
      if (!term.startsWith('term-')) return json(response, 404, {error: 'unknown term'})
      if (!lose(received++)) votes.set(`${request.headers['user-agent']}|${term}`, {term, vote})
      return json(response, 201, {ok: true})
    }
    if (request.url === '/api/feedback/summary') {
      if (request.headers.authorization !== `Bearer ${BENCH_ADMIN_TOKEN}`)
        return json(response, 401, {error: 'token'})
      // In the real summary's shape: the store's counts put together by lib/feedback/summary.
      const counts = [...votes.values()].map(({term, vote}) => ({
        termId: term,
        termRev: 'r1',
        vote: vote === 'yes' ? ('yes' as const) : ('no' as const),
        reason: null,
        votes: 1,
        firstVoteAt: '2026-11-01T09:00:00Z',
      }))
      return json(
        response,
        200,
        wholeSummary(rankFeedback({counts, terms: [], searchMisses: [], reviewRules: DEFAULT_REVIEW_RULES})),
      )
    }
    json(response, 404, {error: 'not found'})
  }
}

const notFound: Handler = (_request, _body, response) => json(response, 404, {error: 'not found'})
const termIds = Array.from({length: 50}, (_, i) => `term-${i}`)

afterAll(() => agent.destroy())

describe('measureFeedback', () => {
  it('counts every accepted vote and finds each of them in the summary', async () => {
    const server = await serve(feedbackRoutes())
    try {
      const result = await measureFeedback(server.url, termIds, {votes: 200, concurrency: 8, budgetS: 30})
      expect(result).toMatchObject({
        status: 'ok',
        sent: 200,
        accepted: 200,
        stored: 200,
        rejected: {},
        budgetHit: false,
      })
      if (result.status === 'ok') {
        expect(result.votesPerSec).toBeGreaterThan(0)
        // The floor run's posts are all refused as unknown terms, and none of them is stored.
        expect(result.routeFloorPerSec).toBeGreaterThan(0)
      }
    } finally {
      await server.close()
    }
  })

  it('shows votes that were answered 201 but never stored', async () => {
    const server = await serve(feedbackRoutes({lose: (index) => index % 10 === 5}))
    try {
      const result = await measureFeedback(server.url, termIds, {votes: 100, concurrency: 4, budgetS: 30})
      expect(result).toMatchObject({status: 'ok', accepted: 100, stored: 90})
    } finally {
      await server.close()
    }
  })

  it('counts refusals by status and leaves them out of the accepted votes', async () => {
    const server = await serve(feedbackRoutes())
    try {
      const result = await measureFeedback(server.url, ['term-1', 'unknown-1'], {
        votes: 20,
        concurrency: 2,
        budgetS: 30,
      })
      expect(result).toMatchObject({status: 'ok', sent: 20, accepted: 10, stored: 10, rejected: {404: 10}})
    } finally {
      await server.close()
    }
  })

  it('reports a missing route as not available instead of a number', async () => {
    const server = await serve(notFound)
    try {
      expect(await measureFeedback(server.url, termIds, {votes: 10, concurrency: 2, budgetS: 5})).toEqual({
        status: 'unavailable',
        reason: 'not available (route missing)',
      })
    } finally {
      await server.close()
    }
  })
})

describe('measureSearch', () => {
  it('times every query of bench/queries.json for each round', async () => {
    const asked: string[] = []
    const server = await serve((request, _body, response) => {
      const url = new URL(request.url ?? '/', 'http://x')
      asked.push(url.searchParams.get('q') ?? '')
      json(response, 200, {results: []})
    })
    try {
      const result = await measureSearch(server.url, 10_000, 2, 30)
      expect(result).toMatchObject({status: 'ok', terms: 10_000, queries: 100, requests: 200, non200: 0})
      expect(asked).toContain('inbound link')
    } finally {
      await server.close()
    }
  })

  it('reports a missing route as not available instead of a number', async () => {
    const server = await serve(notFound)
    try {
      expect(await measureSearch(server.url, 10_000, 1, 5)).toEqual({
        status: 'unavailable',
        reason: 'not available (route missing)',
      })
    } finally {
      await server.close()
    }
  })
})

describe('measureColdRender', () => {
  it('times terms, then as many first renders of the bare page, and counts answers Next did not render', async () => {
    const requested: string[] = []
    const server = await serve((request, _body, response) => {
      requested.push(request.url!)
      const cached = request.url?.endsWith('-cached') || request.url === '/bench/cold/2'
      response.writeHead(200, {'x-nextjs-cache': cached ? 'HIT' : 'MISS'})
      response.end('<html></html>')
    })
    try {
      const result = await measureColdRender(
        server.url,
        1000,
        {warmUp: 'w', measured: ['a', 'b-cached', 'c']},
        30,
      )
      expect(result).toMatchObject({
        terms: 1000,
        requested: 3,
        measured: 3,
        notRendered: 1,
        budgetHit: false,
        floor: {measured: 3, notRendered: 1},
        failed: [],
      })
      expect(requested).toEqual([
        '/glossary/w',
        '/glossary/a',
        '/glossary/b-cached',
        '/glossary/c',
        '/bench/cold/0',
        '/bench/cold/1',
        '/bench/cold/2',
        '/bench/cold/3',
      ])
    } finally {
      await server.close()
    }
  })
})

describe('crawl and the memory floor’s pages', () => {
  it('asks for each path once and lists those that failed', async () => {
    const requested: string[] = []
    const server = await serve((request, _body, response) => {
      requested.push(request.url!)
      response.writeHead(request.url === '/bench/cold/100001' ? 500 : 200)
      response.end('<html></html>')
    })
    try {
      const paths = memoryFloorPaths(3)
      await expect(crawl(server.url, paths, 30)).resolves.toEqual({
        served: 2,
        failed: ['/bench/cold/100001: 500'],
        budgetHit: false,
      })
      expect(requested.sort()).toEqual(['/bench/cold/100000', '/bench/cold/100001', '/bench/cold/100002'])
    } finally {
      await server.close()
    }
  })

  it('gives bare pages the cold render never asks for, so each is a first render', () => {
    const paths = memoryFloorPaths(10_000)
    expect(new Set(paths).size).toBe(10_000)
    expect(paths.every((pagePath) => /^\/bench\/cold\/\d{1,6}$/.test(pagePath))).toBe(true)
    expect(paths[0]).toBe('/bench/cold/100000')
  })
})

describe('measureContentQueries', () => {
  it('times the site’s own queries through the embedded-dataset source', async () => {
    const embedded = 'sanity/seed/dataset.ndjson'
    const documents = generateDataset(parseDataset(readFileSync(embedded, 'utf8'), embedded), {terms: 80})
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'bench-queries-')), 'dataset.ndjson')
    await writeFile(file, toNdjson(documents))
    const costs = await measureContentQueries(
      file,
      {slugs: ['backlink', 'serp'], ids: ['term-backlink', 'term-serp']},
      2,
    )
    expect(costs.map((cost) => [cost.name, cost.runs])).toEqual([
      ['TERM_QUERY', 2],
      ['TERM_REVISION_QUERY', 2],
      ['TERM_SLUGS_QUERY', 2],
      ['TERM_NAMES_QUERY', 2],
      ['TERM_INDEX_QUERY', 2],
    ])
    for (const cost of costs) expect(cost.p50Ms).toBeGreaterThan(0)
  })
})

describe('measureMentionFinder', () => {
  const embedded = 'sanity/seed/dataset.ndjson'
  const documents = generateDataset(parseDataset(readFileSync(embedded, 'utf8'), embedded), {terms: 80})

  it('writes a 100,000-character guide that names the terms, headings and possessives among them', () => {
    const terms = documents
      .filter((doc) => doc._type === 'term')
      .map((doc) => ({id: doc._id, title: doc.title as string}))
    const body = longGuide(terms).body as {style: string; children: {text: string}[]}[]
    const text = body.map((block) => block.children[0]!.text).join('')
    expect(text.length).toBeGreaterThanOrEqual(100_000)
    expect(body.some((block) => block.style === 'h2')).toBe(true)
    expect(text).toContain(`${terms[1]!.title}'s`)
  })

  it('times the finder over it with every term a candidate, and counts what it found', () => {
    const result = measureMentionFinder(documents)
    expect(result).toMatchObject({terms: 80, runs: 10})
    expect(result.characters).toBeGreaterThanOrEqual(100_000)
    // Three names a paragraph; the headings' names are not mentions.
    const paragraphs = Math.ceil(result.characters / 120)
    expect(result.mentions).toBeGreaterThan(paragraphs)
    expect(result.maxMs).toBeGreaterThanOrEqual(result.p50Ms)
  })
})
