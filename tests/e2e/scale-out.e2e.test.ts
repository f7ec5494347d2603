import {spawnSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {once} from 'node:events'
import {chmodSync, cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {createClient} from '@redis/client'

import {logRecords} from '@/bench/lib/log-records'
import {readShippedProxyConfig, renderProxyConfig, startNginx} from '@/bench/lib/nginx'
import type {Managed} from '@/bench/lib/processes'
import {pollChecks} from '@/bench/lib/publish-checks'
import {PUBLISH_MATRIX, type Row} from '@/bench/lib/publish-matrix'
import {startRedis} from '@/bench/lib/redis'
import {publishRow} from '@/bench/phases/publishing'
import {parseDataset, type SanityDocument} from '@/lib/content/dataset'

import {adminQuery} from '@/tests/support/feedback-databases'
import {freePort} from '@/tests/support/free-port'
import {rawRequest, type RawResponse} from './support/http'
import {startPrometheus} from './support/prometheus'
import {startSilentServer} from './support/redis'
import {root, startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'

const WEBHOOK_SECRET = 'e2e-scale-out-secret'
const VISIBLE_WITHIN_MS = 5000
const ADMIN_TOKEN = 'scale-out-admin-token'
const METRICS_TOKEN = 'scale-out-metrics-token'
/** FEEDBACK_RATE_LIMIT for both instances: writes per reader per minute. */
const RATE_LIMIT = 5
/** A page must answer within this while Redis is down or hung (its command timeout is 500 ms). */
const ANSWER_WITHIN_MS = 3000
const PAGES = ['/glossary/backlink', '/glossary', '/guides/link-building-playbook', '/api/search?q=backlink']

const adminUrl = process.env.TEST_DATABASE_URL
const missing = [
  !adminUrl && 'TEST_DATABASE_URL (a PostgreSQL server to create a database on)',
  spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0 && 'redis-server',
  spawnSync('sh', ['-c', 'command -v nginx']).status !== 0 && 'nginx',
  spawnSync('sh', ['-c', 'command -v prometheus']).status !== 0 && 'prometheus',
].filter(Boolean)

/** Reads a page and how long it took. */
async function timed(url: string): Promise<RawResponse & {ms: number}> {
  const started = performance.now()
  const answer = await rawRequest(url)
  return {...answer, ms: performance.now() - started}
}

/**
 * Several instances, one truth: two `next start` instances, each on its own copy of the build
 * (nothing shared on disk but the content), behind the shipped nginx config, sharing the Next
 * cache on a real Redis and feedback on a real PostgreSQL.
 */
test.describe(`two instances behind nginx, sharing Redis and PostgreSQL${missing.length ? ` (skipped: no ${missing.join(', ')})` : ''}`, () => {
  test.skip(missing.length > 0, `needs ${missing.join(', ')}`)
  let scratch: string
  let datasetFile: string
  const database = `scale_out_${randomBytes(6).toString('hex')}`
  let documents: SanityDocument[]
  let redisPort: number
  let redis: Managed | undefined
  let instances: Record<'a' | 'b', RunningServer>
  let env: Record<string, string>
  let nginx: Managed
  let proxy: string

  async function startInstance(name: string, settings: Record<string, string> = {}): Promise<RunningServer> {
    const distDir = `.next-scale-out-${name}`
    rmSync(path.join(root, distDir), {recursive: true, force: true})
    cpSync(path.join(root, '.next'), path.join(root, distDir), {recursive: true})
    return startNextServer(0, {...env, ...settings, NEXT_DIST_DIR: distDir})
  }

  /** Publishes a row of the publish matrix through instance A's webhook; returns the row's checks. */
  async function publishToA(row: Row) {
    const checks = row.checks(documents)
    documents = await publishRow(row, {
      documents,
      datasetFile,
      appUrl: instances.a.url,
      webhookSecret: WEBHOOK_SECRET,
    })
    return {checks, since: performance.now()}
  }

  test.beforeAll(async () => {
    test.setTimeout(180_000)
    // Made here, not as the file loads: Playwright loads it to list the tests as well.
    scratch = mkdtempSync(path.join(os.tmpdir(), 'e2e-scale-out-'))
    datasetFile = path.join(scratch, 'dataset.ndjson')
    const seed = path.join(root, 'sanity/seed/dataset.ndjson')
    documents = parseDataset(readFileSync(seed, 'utf8'), seed)
    cpSync(seed, datasetFile)
    redisPort = await freePort()
    redis = await startRedis(redisPort)
    await adminQuery(adminUrl!, `CREATE DATABASE ${database}`)
    env = {
      // The content both read: the Content Lake's part, played by one dataset file.
      CONTENT_DATASET_FILE: datasetFile,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DATABASE_URL: Object.assign(new URL(adminUrl!), {pathname: `/${database}`}).toString(),
      SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
      FEEDBACK_RATE_LIMIT: String(RATE_LIMIT),
      FEEDBACK_ADMIN_TOKEN: ADMIN_TOKEN,
      METRICS_TOKEN,
    }
    instances = {a: await startInstance('a'), b: await startInstance('b')}
    const port = await freePort()
    const dir = path.join(scratch, 'nginx')
    // nginx's workers run as another user when the tests run as root: they must reach the cache.
    chmodSync(scratch, 0o755)
    const config = renderProxyConfig(await readShippedProxyConfig(), {
      port,
      upstreamPorts: [instances.a.url, instances.b.url].map((url) => Number(new URL(url).port)),
      cacheDir: path.join(dir, 'cache'),
    })
    nginx = await startNginx('nginx (two instances)', dir, config)
    proxy = `http://127.0.0.1:${port}`
  })

  test.afterAll(async () => {
    await nginx?.stop()
    await instances?.a.stop()
    await instances?.b.stop()
    await redis?.stop()
    await adminQuery(adminUrl!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {})
    for (const name of ['a', 'b'])
      rmSync(path.join(root, `.next-scale-out-${name}`), {recursive: true, force: true})
    if (scratch) rmSync(scratch, {recursive: true, force: true})
  })

  test('shows a publish sent to instance A on instance B, directly and through nginx, within 5 s', async () => {
    const row = PUBLISH_MATRIX.find((candidate) => candidate.name === 'term title')!
    // Every page is in the shared cache before the publish, as B and the proxy have served it.
    for (const check of row.checks(documents)) {
      for (const base of [instances.b.url, proxy])
        expect((await rawRequest(base + check.path)).status).toBe(200)
    }
    const {checks, since} = await publishToA(row)
    for (const base of [instances.b.url, proxy]) {
      const shown = await pollChecks(checks, (pathname) => rawRequest(base + pathname), {
        since,
        budgetMs: VISIBLE_WITHIN_MS,
        everyMs: 250,
      })
      expect([base, shown.failed]).toEqual([base, []])
    }
  })

  test('warns when an instance joins the shared cache with another webhook secret', async () => {
    const stray = await startInstance('c', {SANITY_REVALIDATE_SECRET: 'another-secret'})
    try {
      expect((await rawRequest(`${stray.url}/glossary/serp`)).status).toBe(200)
      const differs = logRecords(stray.output()).filter((record) =>
        /setting differs/.test(String(record.msg)),
      )
      expect(differs).toEqual([
        expect.objectContaining({
          level: 'warn',
          setting: 'SANITY_REVALIDATE_SECRET',
          thisInstance: expect.stringMatching(/^sha256:\w+$/),
        }),
      ])
      expect(stray.output()).not.toContain('another-secret')
    } finally {
      await stray.stop()
      rmSync(path.join(root, '.next-scale-out-c'), {recursive: true, force: true})
    }
  })

  test('stores each of 200 readers’ votes once, alternating instances, and limits a reader on both', async () => {
    const voteFrom = (instance: RunningServer, reader: string, vote: 'yes' | 'no') =>
      rawRequest(`${instance.url}/api/feedback`, {
        method: 'POST',
        headers: {'content-type': 'application/json', 'x-forwarded-for': reader, 'user-agent': 'scale-out'},
        body: JSON.stringify({term: 'serp', vote}),
      })
    // Each reader is an address (Next keeps an X-Forwarded-For it is given); one in four says no.
    const readers = Array.from({length: 200}, (_, index) => `198.18.${index >> 8}.${index & 255}`)
    const answers = await Promise.all(
      readers.map((reader, index) =>
        voteFrom(index % 2 ? instances.b : instances.a, reader, index % 4 ? 'yes' : 'no'),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(readers.map(() => 200))
    const summary = await rawRequest(`${instances.b.url}/api/feedback/summary`, {
      headers: {authorization: `Bearer ${ADMIN_TOKEN}`},
    })
    const serp = (
      JSON.parse(summary.body) as {terms: {slug: string; allRevisions: {yes: number; no: number}}[]}
    ).terms.find((term) => term.slug === 'serp')
    expect(serp?.allRevisions).toMatchObject({yes: 150, no: 50})

    // One reader uses up the minute's writes on A; B refuses the next one.
    const reader = '192.0.2.99'
    const intoMinute = Date.now() % 60_000
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute))
    for (let write = 0; write < RATE_LIMIT; write++) {
      expect((await voteFrom(instances.a, reader, 'yes')).status).toBe(200)
    }
    expect((await voteFrom(instances.b, reader, 'yes')).status).toBe(429)
  })

  test('is scraped by Prometheus on both instances, whose vote counters add up to the votes stored', async () => {
    const prometheus = await startPrometheus(
      path.join(scratch, 'prometheus'),
      [instances.a.url, instances.b.url].map((url) => new URL(url).host),
      METRICS_TOKEN,
    )
    const storedVotes = async () =>
      (await prometheus.query('sum(glossary_feedback_votes_total{outcome="stored"})'))[0]?.value ?? 0
    try {
      await expect
        .poll(async () => (await prometheus.query('up{job="glossary"}')).map((series) => series.value), {
          message: 'both instances up in Prometheus',
          timeout: 15_000,
          intervals: [250],
        })
        .toEqual([1, 1])
      // Two more scrapes: what the earlier tests stored is in.
      await new Promise((resolve) => setTimeout(resolve, 2500))
      const before = await storedVotes()

      const votes = 6
      for (let vote = 0; vote < votes; vote++) {
        const answer = await rawRequest(`${(vote % 2 ? instances.b : instances.a).url}/api/feedback`, {
          method: 'POST',
          headers: {'content-type': 'application/json', 'x-forwarded-for': `198.19.7.${vote}`},
          body: JSON.stringify({term: 'backlink', vote: 'yes'}),
        })
        expect(answer.status).toBe(200)
      }
      await expect
        .poll(storedVotes, {message: `${votes} more stored votes`, timeout: 15_000, intervals: [250]})
        .toBe(before + votes)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await storedVotes()).toBe(before + votes)
    } finally {
      await prometheus.stop()
    }
  })

  test('shows metrics only to the token holder, never through nginx, in a form promtool accepts', async () => {
    for (const instance of [instances.a, instances.b]) {
      const scraped = await rawRequest(`${instance.url}/api/metrics`, {
        headers: {authorization: `Bearer ${METRICS_TOKEN}`},
      })
      expect(scraped.status).toBe(200)
      const check = spawnSync('promtool', ['check', 'metrics'], {input: scraped.body, encoding: 'utf8'})
      expect([check.status, check.stdout + check.stderr]).toEqual([0, ''])
      expect((await rawRequest(`${instance.url}/api/metrics`)).status).toBe(401)
    }
    const throughProxy = await rawRequest(`${proxy}/api/metrics`, {
      headers: {authorization: `Bearer ${METRICS_TOKEN}`},
    })
    expect(throughProxy.status).toBe(404)
  })

  test('adds at most a handful of series for 1,000 invented URLs', async () => {
    const series = async () =>
      new Set(
        (
          await rawRequest(`${instances.a.url}/api/metrics`, {
            headers: {authorization: `Bearer ${METRICS_TOKEN}`},
          })
        ).body
          .split('\n')
          .filter((line) => line && !line.startsWith('#'))
          // One series per metric and label set: a histogram's buckets, sum and count count once.
          .map((line) =>
            line
              .slice(0, line.lastIndexOf(' '))
              .replace(/_(bucket|sum|count)\b/, '')
              .replace(/le="[^"]*",?/, ''),
          ),
      )
    const invented = (n: number) => [
      `/glossary/made-up-${n}`,
      `/no/such/page-${n}`,
      `/api/terms/made-up-${n}`,
    ]
    // The first of each kind may add its route's 404 series; the rest must add none.
    for (const pathname of invented(1000)) await rawRequest(instances.a.url + pathname)
    await series()
    // A request is counted as its response finishes, a moment after the client has it.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const before = await series()
    for (let n = 0; n < 1000; n += 10) {
      await Promise.all(
        Array.from({length: 10}, (_, k) => rawRequest(instances.a.url + invented(n + k)[(n + k) % 3])),
      )
    }
    const added = [...(await series())].filter((name) => !before.has(name))
    expect(added.join('\n')).not.toMatch(/made-up|page-/)
    // A few may appear meanwhile (a kind of GC not seen before, the URL gate's names query).
    expect(added.length <= 3 ? [] : added).toEqual([])
  })

  test('keeps answering while Redis is stopped, and shares a publish again once it is back', async () => {
    test.setTimeout(90_000)
    await redis!.stop()
    redis = undefined
    for (const instance of [instances.a, instances.b]) {
      for (const pathname of [...PAGES, '/api/terms/serp']) {
        const answer = await timed(instance.url + pathname)
        expect([pathname, answer.status, answer.ms < ANSWER_WITHIN_MS]).toEqual([pathname, 200, true])
      }
    }
    redis = await startRedis(redisPort)
    // The clients reconnect on their own (within 2 s) and use Redis again after a pause of 5 s.
    await new Promise((resolve) => setTimeout(resolve, 7000))
    for (const pathname of PAGES) await rawRequest(instances.b.url + pathname)
    const {checks, since} = await publishToA(
      PUBLISH_MATRIX.find((row) => row.name === 'term short definition')!,
    )
    for (const base of [instances.a.url, instances.b.url]) {
      const shown = await pollChecks(checks, (pathname) => rawRequest(base + pathname), {
        since,
        budgetMs: VISIBLE_WITHIN_MS,
        everyMs: 250,
      })
      expect([base, shown.failed]).toEqual([base, []])
    }
    for (const [name, instance] of Object.entries(instances)) {
      const outages = logRecords(instance.output()).filter(
        (record) => record.msg === 'shared cache unavailable',
      )
      expect([name, outages.length]).toEqual([name, 1])
    }
  })

  test('reads a corrupt or foreign value under its keys as a miss, never an error', async () => {
    for (const pathname of PAGES) await rawRequest(instances.a.url + pathname)
    const client = createClient({url: env.REDIS_URL})
    await client.connect()
    let overwritten = 0
    try {
      for await (const keys of client.scanIterator({MATCH: 'glossary:*', TYPE: 'string'})) {
        for (const key of keys) {
          await client.set(
            key,
            overwritten++ % 2 ? 'not json {' : JSON.stringify({kind: 'APP_PAGE', html: 'foreign'}),
          )
        }
      }
    } finally {
      client.destroy()
    }
    expect(overwritten).toBeGreaterThan(PAGES.length)
    for (const instance of [instances.a, instances.b]) {
      const page = await rawRequest(`${instance.url}/glossary/serp`)
      expect(page.status).toBe(200)
      expect(page.body).toContain('<h1')
      expect(page.body).not.toContain('foreign')
    }
  })

  test('answers within the bound while Redis accepts connections and never answers', async () => {
    test.setTimeout(60_000)
    await redis!.stop()
    redis = undefined
    const silent = await startSilentServer(redisPort)
    try {
      await new Promise((resolve) => setTimeout(resolve, 2500))
      for (const instance of [instances.a, instances.b]) {
        for (const pathname of PAGES) {
          const answer = await timed(instance.url + pathname)
          expect([pathname, answer.status, answer.ms < ANSWER_WITHIN_MS]).toEqual([pathname, 200, true])
        }
      }
    } finally {
      await silent.stop()
      redis = await startRedis(redisPort)
    }
  })

  test('serves every page from instance B through nginx, with no 5xx, when instance A is killed', async () => {
    process.kill(-instances.a.process.pid!, 'SIGKILL')
    await once(instances.a.process, 'exit')
    const pathnames = [
      ...PAGES,
      '/glossary/serp',
      '/glossary/letter/s',
      '/api/terms/backlink',
      '/sitemap.xml',
    ]
    const statuses: string[] = []
    for (let round = 0; round < 3; round++) {
      for (const pathname of pathnames)
        statuses.push(`${pathname} ${(await rawRequest(proxy + pathname)).status}`)
    }
    expect(statuses.filter((line) => / 5\d\d$/.test(line))).toEqual([])
    expect(statuses.filter((line) => !/ 200$/.test(line))).toEqual([])
  })
})
