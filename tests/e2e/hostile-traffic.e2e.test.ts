/**
 * Hostile traffic against the built site, on a server of its own (so its disk and memory are
 * this test's to measure): invented URLs, malformed URLs, vote stuffing and the private summary.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {awayFromMinuteBoundary} from '@/tests/support/rate-window'

import {rawRequest} from './support/http'
import {webhookHeaders} from './support/webhook'
import {root, startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'

const ADMIN_TOKEN = 'hostile-admin-token'
const WEBHOOK_SECRET = 'hostile-webhook-secret'
const ADDRESS_BUDGET = 30

/** Bytes under a folder, every file counted. */
function folderBytes(folder: string): number {
  let total = 0
  for (const entry of readdirSync(folder, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return total
}

/** Resident memory of the server's whole process group (npm-less `next start` and its next-server). */
function groupRssBytes(server: RunningServer): number {
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(server.process.pid)], {encoding: 'utf8'})
  return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) * 1024
}

/** Made-up names for every dynamic route, `count` of each kind, numbered from `from`. */
function inventedUrls(count: number, from = 0): string[] {
  const made = (i: number) => `made-up-${i}-${(i * 7919).toString(36)}`
  const kinds = [
    (i: number) => `/glossary/${made(i)}`,
    (i: number) => `/glossary/${made(i)}.md`,
    (i: number) => `/embed/glossary/${made(i)}`,
    (i: number) => `/guides/${made(i)}`,
    (i: number) => `/authors/${made(i)}`,
    (i: number) => `/glossary/category/${made(i)}`,
    (i: number) => `/glossary/letter/${made(i)}`,
    (i: number) => `/api/terms/${made(i)}`,
    (i: number) => `/glossary/${made(i)}/opengraph-image-1srw27`,
  ]
  return Array.from({length: count}, (_, i) => kinds.map((url) => url(from + i))).flat()
}

test.describe('hostile traffic', () => {
  test.describe.configure({timeout: 300_000})
  let server: RunningServer
  let feedbackDir: string
  const distDir = path.join(root, '.next')

  test.beforeAll(async () => {
    feedbackDir = mkdtempSync(path.join(os.tmpdir(), 'hostile-feedback-'))
    server = await startNextServer(0, {
      FEEDBACK_DATA_DIR: feedbackDir,
      FEEDBACK_ADMIN_TOKEN: ADMIN_TOKEN,
      FEEDBACK_ADDRESS_RATE_LIMIT: String(ADDRESS_BUDGET),
      SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
    })
  })

  test.afterAll(async () => {
    await server?.stop()
    rmSync(feedbackDir, {recursive: true, force: true})
  })

  test('answers 2,700 invented URLs with 404s that have a body, adding nothing to disk', async () => {
    const send = async (urls: string[]) => {
      for (let i = 0; i < urls.length; i += 20) {
        const batch = urls.slice(i, i + 20)
        const answers = await Promise.all(batch.map((url) => rawRequest(`${server.url}${url}`)))
        for (const [j, answer] of answers.entries()) {
          expect([batch[j], answer.status]).toEqual([batch[j], 404])
          expect(answer.body.length).toBeGreaterThan(20)
        }
      }
    }
    // A first round warms the server (code compiled, heap grown to its working size), so the
    // second measures what the invented URLs themselves leave behind.
    await send(inventedUrls(250, 100_000))
    const urls = inventedUrls(300)
    const diskBefore = folderBytes(distDir)
    const memoryBefore = groupRssBytes(server)
    await send(urls)
    const grownBytes = folderBytes(distDir) - diskBefore
    const grownMemory = groupRssBytes(server) - memoryBefore
    console.log(
      `${urls.length} invented URLs: build folder +${grownBytes} bytes, server memory +${(grownMemory / 2 ** 20).toFixed(1)} MiB`,
    )
    expect(grownBytes).toBeLessThan(100_000)
    // Resident memory also counts the heap growing to its working size before V8 collects, so
    // this is a ceiling against a per-URL leak, not the figure; that belongs to the benchmark.
    expect(grownMemory).toBeLessThan(200 * 2 ** 20)
  })

  for (const url of [
    '/glossary/made-up-term',
    '/guides/made-up',
    '/authors/made-up',
    '/glossary/category/made-up',
    '/glossary/letter/zz',
    '/glossary/backlinkz',
    '/embed/glossary/made-up',
    '/no-such-page',
  ]) {
    test(`gives ${url} a whole not-found page without JavaScript`, async () => {
      const {status, body} = await rawRequest(`${server.url}${url}`)
      expect(status).toBe(404)
      expect(body).toMatch(/<html lang="en"/)
      expect(body).not.toContain('__next_error__')
      const text = body.replace(/<script[\s\S]*?<\/script>/g, '')
      expect(text).toContain('We couldn’t find that page')
      expect(text).toMatch(/<input[^>]*type="search"/)
      expect(text).toContain('noindex')
    })
  }

  test('suggests the terms closest to the invented name', async () => {
    const {body} = await rawRequest(`${server.url}/glossary/core-web-vital`)
    const text = body.replace(/<script[\s\S]*?<\/script>/g, '')
    expect(text).toContain('Closest terms')
    expect(text).toContain('href="/glossary/core-web-vitals"')
  })

  test('answers unknown embeds with the 404 page and the APIs with JSON', async () => {
    const embed = await rawRequest(`${server.url}/embed/glossary/made-up`)
    expect(embed.status).toBe(404)
    expect(embed.body).toContain('We couldn’t find that page')
    for (const url of ['/api/terms/made-up', '/glossary/made-up.md', '/api/markdown/made-up']) {
      const answer = await rawRequest(`${server.url}${url}`)
      expect([url, answer.status]).toEqual([url, 404])
      expect(JSON.parse(answer.body)).toEqual({error: expect.stringContaining('Nothing is published at')})
    }
  })

  test('still redirects upper-case spellings, aliases and old slugs, and serves real pages', async () => {
    expect(await rawRequest(`${server.url}/glossary/Backlink`)).toMatchObject({
      status: 308,
      headers: {location: '/glossary/backlink'},
    })
    expect(await rawRequest(`${server.url}/glossary/inbound-link`)).toMatchObject({
      status: 308,
      headers: {location: '/glossary/backlink'},
    })
    expect((await rawRequest(`${server.url}/glossary/backlink`)).status).toBe(200)
    expect((await rawRequest(`${server.url}/glossary/backlink.md`)).status).toBe(200)
    expect((await rawRequest(`${server.url}/api/terms/backlink`)).status).toBe(200)
  })

  for (const url of ['/glossary/%E0%A4%A', '/guides/%', '/glossary/a%00b']) {
    test(`answers the malformed ${url} with 400`, async () => {
      const {status, body} = await rawRequest(`${server.url}${url}`)
      expect(status).toBe(400)
      expect(JSON.parse(body)).toEqual({error: 'The address is not a valid URL.'})
    })
  }

  test('stores at most the address budget from one address rotating its User-Agent', async () => {
    // A hundred requests on a busy machine can take seconds; all of them must fall in one window.
    await awayFromMinuteBoundary(20)
    const answers = await Promise.all(
      Array.from({length: 100}, (_, i) =>
        rawRequest(`${server.url}/api/feedback`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': '203.0.113.77',
            'user-agent': `Agent/${i}`,
          },
          body: JSON.stringify({term: 'serp', vote: 'no'}),
        }),
      ),
    )
    const stored = answers.filter((answer) => answer.status === 200).length
    expect(stored).toBeLessThanOrEqual(ADDRESS_BUDGET)
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(100 - stored)
    const summary = await rawRequest(`${server.url}/api/feedback/summary`, {
      headers: {authorization: `Bearer ${ADMIN_TOKEN}`},
    })
    const serp = (
      JSON.parse(summary.body) as {terms: {slug: string; allRevisions: {no: number}}[]}
    ).terms.find((term) => term.slug === 'serp')
    expect(serp?.allRevisions.no).toBe(stored)
  })

  test('counts a missed search from the results page once per reader per day, and never junk', async () => {
    const search = (q: string, address: string, agent: string) =>
      rawRequest(`${server.url}/glossary?q=${encodeURIComponent(q)}`, {
        headers: {'x-forwarded-for': address, 'user-agent': agent},
      })
    for (const [q, address, agent] of [
      ['quantum ranking', '198.51.100.1', 'A'],
      ['Quantum Ranking', '198.51.100.1', 'A'],
      ['quantum ranking', '198.51.100.2', 'B'],
      ['<img src=x onerror=alert(1)>', '198.51.100.1', 'A'],
      ['buy cheap links now at https://spam.example', '198.51.100.1', 'A'],
    ]) {
      const page = await search(q!, address!, agent!)
      expect(page.status).toBe(200)
      expect(page.body).toContain('0 results')
    }
    // Recorded after each response was sent.
    const misses = async () => {
      const summary = await rawRequest(`${server.url}/api/feedback/summary`, {
        headers: {authorization: `Bearer ${ADMIN_TOKEN}`},
      })
      const {searchMisses} = JSON.parse(summary.body) as {searchMisses: {query: string; count: number}[]}
      return searchMisses.map(({query, count}) => ({query, count}))
    }
    await expect
      .poll(misses, {timeout: 10_000, intervals: [100]})
      .toEqual([{query: 'quantum ranking', count: 2}])
  })

  test('refuses a 5 MB webhook before reading it, and answers a replayed one without running it again', async () => {
    const huge = 'x'.repeat(5 * 2 ** 20)
    const refused = await rawRequest(`${server.url}/api/revalidate`, {
      method: 'POST',
      headers: await webhookHeaders(huge, WEBHOOK_SECRET),
      body: huge,
    })
    expect(refused.status).toBe(413)

    const body = JSON.stringify({_id: 'term-serp', _type: 'term', before: null, after: null})
    const headers = {...(await webhookHeaders(body, WEBHOOK_SECRET)), 'idempotency-key': 'hostile-delivery-1'}
    const first = await rawRequest(`${server.url}/api/revalidate`, {method: 'POST', headers, body})
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).toMatchObject({revalidated: expect.any(Array)})
    const again = await rawRequest(`${server.url}/api/revalidate`, {method: 'POST', headers, body})
    expect(JSON.parse(again.body)).toEqual({revalidated: [], repeated: true})
  })

  test('shows nothing of the summary without the admin token', async () => {
    const {status, body} = await rawRequest(`${server.url}/api/feedback/summary`)
    expect(status).toBe(401)
    expect(body).not.toContain('serp')
  })
})
