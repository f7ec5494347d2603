/**
 * Two instances sharing one Next cache on Redis (tests/e2e/support/two-instances.ts): a publish
 * reaches both, a stray secret is noticed, Redis stopped, corrupted or hung costs no answers, and
 * nginx serves through one instance's death.
 */
import {once} from 'node:events'

import {createClient} from '@redis/client'

import {logRecords} from '@/bench/lib/log-records'
import {pollChecks} from '@/bench/lib/publish-checks'
import {PUBLISH_MATRIX} from '@/bench/lib/publish-matrix'
import {startRedis} from '@/bench/lib/redis'

import {rawRequest, type RawResponse} from './support/http'
import {startSilentServer} from './support/redis'
import {expect, test} from './support/test'
import {describeTwoInstances} from './support/two-instances'

const VISIBLE_WITHIN_MS = 5000
/** A page must answer within this while Redis is down or hung (its command timeout is 500 ms). */
const ANSWER_WITHIN_MS = 3000
const PAGES = ['/glossary/backlink', '/glossary', '/guides/link-building-playbook', '/api/search?q=backlink']

/** Reads a page and how long it took. */
async function timed(url: string): Promise<RawResponse & {ms: number}> {
  const started = performance.now()
  const answer = await rawRequest(url)
  return {...answer, ms: performance.now() - started}
}

describeTwoInstances('two instances behind nginx, sharing a cache on Redis', (two) => {
  test('shows a publish sent to instance A on instance B, directly and through nginx, within 5 s', async () => {
    const row = PUBLISH_MATRIX.find((candidate) => candidate.name === 'term title')!
    // Every page is in the shared cache before the publish, as B and the proxy have served it.
    for (const check of row.checks(two.documents)) {
      for (const base of [two.instances.b.url, two.proxy])
        expect((await rawRequest(base + check.path)).status).toBe(200)
    }
    const {checks, since} = await two.publishToA(row)
    for (const base of [two.instances.b.url, two.proxy]) {
      const shown = await pollChecks(checks, (pathname) => rawRequest(base + pathname), {
        since,
        budgetMs: VISIBLE_WITHIN_MS,
        everyMs: 250,
      })
      expect([base, shown.failed]).toEqual([base, []])
    }
  })

  test('warns when an instance joins the shared cache with another webhook secret', async () => {
    const stray = await two.startInstance('c', {SANITY_REVALIDATE_SECRET: 'another-secret'})
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
    }
  })

  test('keeps answering while Redis is stopped, and shares a publish again once it is back', async () => {
    test.setTimeout(90_000)
    await two.redis!.stop()
    two.redis = undefined
    for (const instance of [two.instances.a, two.instances.b]) {
      for (const pathname of [...PAGES, '/api/terms/serp']) {
        const answer = await timed(instance.url + pathname)
        expect([pathname, answer.status, answer.ms < ANSWER_WITHIN_MS]).toEqual([pathname, 200, true])
      }
    }
    two.redis = await startRedis(two.redisPort)
    // The clients reconnect on their own (within 2 s) and use Redis again after a pause of 5 s.
    await new Promise((resolve) => setTimeout(resolve, 7000))
    for (const pathname of PAGES) await rawRequest(two.instances.b.url + pathname)
    const {checks, since} = await two.publishToA(
      PUBLISH_MATRIX.find((row) => row.name === 'term short definition')!,
    )
    for (const base of [two.instances.a.url, two.instances.b.url]) {
      const shown = await pollChecks(checks, (pathname) => rawRequest(base + pathname), {
        since,
        budgetMs: VISIBLE_WITHIN_MS,
        everyMs: 250,
      })
      expect([base, shown.failed]).toEqual([base, []])
    }
    for (const [name, instance] of Object.entries(two.instances)) {
      const outages = logRecords(instance.output()).filter(
        (record) => record.msg === 'shared cache unavailable',
      )
      expect([name, outages.length]).toEqual([name, 1])
    }
  })

  test('reads a corrupt or foreign value under its keys as a miss, never an error', async () => {
    for (const pathname of PAGES) await rawRequest(two.instances.a.url + pathname)
    const client = createClient({url: two.env.REDIS_URL})
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
    for (const instance of [two.instances.a, two.instances.b]) {
      const page = await rawRequest(`${instance.url}/glossary/serp`)
      expect(page.status).toBe(200)
      expect(page.body).toContain('<h1')
      expect(page.body).not.toContain('foreign')
    }
  })

  test('answers within the bound while Redis accepts connections and never answers', async () => {
    test.setTimeout(60_000)
    await two.redis!.stop()
    two.redis = undefined
    const silent = await startSilentServer(two.redisPort)
    try {
      await new Promise((resolve) => setTimeout(resolve, 2500))
      for (const instance of [two.instances.a, two.instances.b]) {
        for (const pathname of PAGES) {
          const answer = await timed(instance.url + pathname)
          expect([pathname, answer.status, answer.ms < ANSWER_WITHIN_MS]).toEqual([pathname, 200, true])
        }
      }
    } finally {
      await silent.stop()
      two.redis = await startRedis(two.redisPort)
    }
  })

  test('serves every page from instance B through nginx, with no 5xx, when instance A is killed', async () => {
    process.kill(-two.instances.a.process.pid!, 'SIGKILL')
    await once(two.instances.a.process, 'exit')
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
        statuses.push(`${pathname} ${(await rawRequest(two.proxy + pathname)).status}`)
    }
    expect(statuses.filter((line) => / 5\d\d$/.test(line))).toEqual([])
    expect(statuses.filter((line) => !/ 200$/.test(line))).toEqual([])
  })
})
