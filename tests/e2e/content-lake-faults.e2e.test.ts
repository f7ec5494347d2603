import path from 'node:path'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {logRecords} from '@/bench/lib/log-records'

import {startContentLake, type ContentLake, type LakeFault} from './support/content-lake'
import {rawRequest} from './support/http'
import {freshFixtureCopy, sanityFixtureEnv} from './support/sanity-fixture'
import {root, startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'
import {webhookHeaders} from './support/webhook'

const READ_TOKEN = 'e2e-read-token'
const WEBHOOK_SECRET = 'e2e-webhook-secret'
const METRICS_TOKEN = 'e2e-metrics-token'

/** Answers a reader has had before the outage: each must keep coming from the cache. */
const CACHED = [
  '/glossary/backlink',
  '/glossary/backlink.md',
  '/embed/glossary/backlink',
  '/api/terms/backlink',
  '/glossary?q=link',
  '/api/search?q=link',
  '/feed.xml',
  '/sitemap.xml',
]

/** How long the breaker stays open after it opens (the default), unless a 429 asks for longer. */
const COOLDOWN_SECONDS = 5
/** Longer than the cool-down, so the 503s can show it was obeyed. */
const RATE_LIMIT_RETRY_AFTER_SECONDS = 7

const FAULTS: {name: string; fault: LakeFault; kind: string}[] = [
  {name: 'down (connection refused)', fault: 'down', kind: 'refused'},
  {name: 'hung (accepts, never answers)', fault: 'hung', kind: 'timeout'},
  {name: 'answering 500', fault: 'failing', kind: 'server_error'},
  {
    name: `rate-limiting (429, Retry-After: ${RATE_LIMIT_RETRY_AFTER_SECONDS})`,
    fault: {rateLimited: {retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_SECONDS}},
    kind: 'rate_limited',
  },
]

async function timedRequest(url: string, headers: Record<string, string> = {}) {
  const began = performance.now()
  const response = await rawRequest(url, {headers})
  return {...response, ms: performance.now() - began}
}

/**
 * The site in Sanity mode against the Content Lake stand-in, with the lake failing each way the
 * real one can. The tests run in order on one server: each fault starts with the lake healthy and
 * the same answers cached, and ends with the site healed.
 */
test.describe('when the Content Lake fails', () => {
  // One server for all: the faults leave the failures counted that the test after them reads.
  test.describe.configure({mode: 'serial'})

  let published: SanityDocument[]
  let lake: ContentLake
  let server: RunningServer
  const url = (pathname: string) => `${server.url}${pathname}`
  // Terms no one has asked for yet: one page and one API answer per fault.
  let unasked: string[]
  // What each cached answer said before any outage: during one, the same must come back.
  const cachedBodies = new Map<string, string>()

  const readinessDetail = async () =>
    JSON.parse(
      (await rawRequest(url('/api/health/ready'), {headers: {authorization: `Bearer ${METRICS_TOKEN}`}}))
        .body,
    ) as {status: string; contentSources: Record<string, string>; dependencies: Record<string, string>}

  test.beforeAll(async () => {
    test.setTimeout(90_000)
    published = await readDataset(path.join(root, 'sanity/seed/dataset.ndjson'))
    unasked = published
      .filter((doc) => doc._type === 'term' && doc._id !== 'term-backlink')
      .map((doc) => (doc.slug as {current: string}).current)
      .slice(0, FAULTS.length * 2)
    lake = await startContentLake({documents: published})
    server = await startNextServer(0, {
      ...sanityFixtureEnv(lake.url, freshFixtureCopy()),
      SANITY_API_READ_TOKEN: READ_TOKEN,
      SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
      METRICS_TOKEN,
      // Two failed queries open the breaker: an uncached page and an uncached API answer.
      CONTENT_LAKE_BREAKER_FAILURES: '2',
    })
    for (const pathname of CACHED) {
      const answer = await rawRequest(url(pathname))
      expect([pathname, answer.status]).toEqual([pathname, 200])
      cachedBodies.set(pathname, answer.body)
    }
  })

  const metricsText = async () =>
    (await rawRequest(url('/api/metrics'), {headers: {authorization: `Bearer ${METRICS_TOKEN}`}})).body
  const LAKE_UP = /^glossary_content_source_up\{source="content-lake"\} (\d)$/m

  test.afterAll(async () => {
    await server?.stop()
    await lake?.stop()
  })

  for (const [index, {name, fault, kind}] of FAULTS.entries()) {
    test(`keeps the cache serving, answers the rest with a fast 503, and heals: lake ${name}`, async () => {
      const [pageSlug, apiSlug] = unasked.slice(index * 2, index * 2 + 2)
      const logFrom = server.output().length
      await lake.setFault(fault)

      for (const pathname of CACHED) {
        const answer = await rawRequest(url(pathname))
        expect([pathname, answer.status, answer.body]).toEqual([pathname, 200, cachedBodies.get(pathname)])
      }

      const page = await timedRequest(url(`/embed/glossary/${pageSlug}`))
      expect(page.status).toBe(503)
      expect(page.ms).toBeLessThan(2000)
      // The breaker's cool-down, or longer when the lake's 429 asked for longer.
      expect(Number(page.headers['retry-after'])).toBeGreaterThanOrEqual(
        kind === 'rate_limited' ? RATE_LIMIT_RETRY_AFTER_SECONDS - 1 : 1,
      )
      expect(page.headers['cache-control']).toBe('no-store')
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      // Readable without JavaScript: the site's document, its header, a search box and what happened.
      expect(page.body).toMatch(/^<!DOCTYPE html><html lang="en"/)
      expect(page.body).toMatch(/<header[^>]*>[\s\S]*<a[^>]* href="\/"[^>]*>[\s\S]*<\/header>/)
      expect(page.body).toMatch(/<h1[^>]*>This page is temporarily unavailable<\/h1>/)
      expect(page.body).toMatch(
        /<form role="search" aria-label="Search the glossary"[^>]* action="\/glossary" method="get">/,
      )
      expect(page.body).toMatch(
        /<label for="([^"]+)"[^>]*>Search the glossary<\/label><input id="\1"[^>]*name="q"/,
      )
      expect(page.body).not.toMatch(/<script/)

      const api = await timedRequest(url(`/api/terms/${apiSlug}`))
      expect(api.status).toBe(503)
      expect(api.ms).toBeLessThan(2000)
      expect(Number(api.headers['retry-after'])).toBeGreaterThanOrEqual(1)
      expect(JSON.parse(api.body)).toEqual({error: expect.stringMatching(/temporarily unavailable/)})

      // The breaker is open now: the next reader is answered without waiting on the lake (its timeout is
      // 1.5 s; the bound leaves room for a busy 2-core machine), and the lake is left alone.
      const lakeRequests = lake.requestCount()
      const again = await timedRequest(url(`/api/terms/${apiSlug}`))
      expect(again.status).toBe(503)
      expect(again.ms).toBeLessThan(500)
      expect(lake.requestCount()).toBe(lakeRequests)
      expect(await readinessDetail()).toMatchObject({
        status: 'degraded',
        contentSources: {'content-lake': 'open'},
        dependencies: {'Content Lake': 'down'},
      })
      expect((await metricsText()).match(LAKE_UP)?.[1]).toBe('0')
      if (fault === 'down') {
        // A cool-down over is not a lake that answers: down it stays until a query reaches it.
        await new Promise((resolve) => setTimeout(resolve, COOLDOWN_SECONDS * 1000 + 500))
        expect((await metricsText()).match(LAKE_UP)?.[1]).toBe('0')
        expect((await readinessDetail()).contentSources).toEqual({'content-lake': 'failing'})
      }

      await lake.setFault(null)
      // Healed within 10 s of the lake's return.
      await expect
        .poll(async () => (await rawRequest(url(`/embed/glossary/${pageSlug}`))).status, {
          timeout: 10_000,
          intervals: [250],
        })
        .toBe(200)
      expect((await rawRequest(url(`/api/terms/${apiSlug}`))).status).toBe(200)
      expect((await readinessDetail()).contentSources).toEqual({'content-lake': 'up'})

      // The outage in the log: a line when it began, one when it ended, no stack frames.
      const lines = server.output().slice(logFrom)
      expect(lines).not.toMatch(/^\s+at /m)
      const records = logRecords(lines).filter((record) => record.dependency === 'Content Lake')
      expect(records).toEqual([
        expect.objectContaining({msg: 'Content Lake unavailable', kind, reason: expect.any(String)}),
        expect.objectContaining({msg: 'Content Lake available again', ms: expect.any(Number)}),
      ])
      expect(records[1]!.requests).toBeGreaterThanOrEqual(3)
      // The first error, without the lake's address or the query that met it.
      expect(records[0]!.reason).not.toContain(String(lake.port))
      expect(records[0]!.reason).not.toMatch(/\*\[|_type/)
      expect(lines.trim().split('\n').length).toBeLessThanOrEqual(4)
    })
  }

  test('counts the failures by kind, and shows the source up again once it answers', async () => {
    const metrics = await metricsText()
    for (const {kind} of FAULTS) {
      expect(metrics).toMatch(
        new RegExp(
          `^glossary_content_source_failures_total\\{source="content-lake",kind="${kind}"\\} [1-9]`,
          'm',
        ),
      )
    }
    expect(metrics.match(LAKE_UP)?.[1]).toBe('1')
  })

  /** The term's title on its page, in its Markdown and in its API answer. */
  const titlesShown = async () => {
    const [page, markdown, api] = await Promise.all(
      ['/glossary/backlink', '/glossary/backlink.md', '/api/terms/backlink'].map((pathname) =>
        rawRequest(url(pathname)),
      ),
    )
    for (const answer of [page, markdown, api]) expect(answer!.status).toBe(200)
    return [
      page!.body.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1],
      markdown!.body.match(/^# (.*)$/m)?.[1],
      (JSON.parse(api!.body) as {title?: string}).title,
    ]
  }

  test('refuses a publish during an outage with a 5xx, so Sanity retries it, and applies the retry', async () => {
    const before = published.find((doc) => doc._id === 'term-backlink')!
    const after = {...before, title: 'Backlink, while the lake was down'}
    const body = JSON.stringify({_id: before._id, _type: 'term', before, after})
    const deliver = async () =>
      rawRequest(url('/api/revalidate'), {
        method: 'POST',
        headers: await webhookHeaders(body, WEBHOOK_SECRET),
        body,
      })

    await lake.setFault('down')
    lake.setDocuments(published.map((doc) => (doc._id === before._id ? after : doc)))
    expect((await deliver()).status).toBeGreaterThanOrEqual(500)
    // The failed delivery still marked what it knew stale. Readers keep the last good answers,
    // though refreshing them fails meanwhile.
    expect(await titlesShown()).toEqual([before.title, before.title, before.title])

    await lake.setFault(null)
    expect((await deliver()).status).toBe(200)
    await expect
      .poll(titlesShown, {timeout: 10_000, intervals: [250]})
      .toEqual([after.title, after.title, after.title])
    // Nothing logged in all these outages carries a request or its read token.
    expect(server.output()).not.toContain(READ_TOKEN)
  })
})
