import {spawnSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {chmodSync, cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {readShippedProxyConfig, renderProxyConfig, startNginx} from '@/bench/lib/nginx'
import type {Managed} from '@/bench/lib/processes'
import type {Row} from '@/bench/lib/publish-matrix'
import {startRedis} from '@/bench/lib/redis'
import {publishRow} from '@/bench/phases/publishing'
import {parseDataset, type SanityDocument} from '@/lib/content/dataset'

import {adminQuery} from '@/tests/support/feedback-databases'
import {freePort} from '@/tests/support/free-port'
import {root, startNextServer, type RunningServer} from './server'
import {test} from './test'

export const WEBHOOK_SECRET = 'e2e-scale-out-secret'
export const ADMIN_TOKEN = 'scale-out-admin-token'
export const METRICS_TOKEN = 'scale-out-metrics-token'
/** FEEDBACK_RATE_LIMIT for both instances: writes per reader per minute. */
export const RATE_LIMIT = 5

const adminUrl = process.env.TEST_DATABASE_URL
const missing = [
  !adminUrl && 'TEST_DATABASE_URL (a PostgreSQL server to create a database on)',
  spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0 && 'redis-server',
  spawnSync('sh', ['-c', 'command -v nginx']).status !== 0 && 'nginx',
  spawnSync('sh', ['-c', 'command -v prometheus']).status !== 0 && 'prometheus',
].filter(Boolean)

/** What the tests of two instances reach, ready once their `beforeAll` has run. */
export type TwoInstances = {
  scratch: string
  datasetFile: string
  /** The content as last published. */
  documents: SanityDocument[]
  redisPort: number
  /** Undefined while a test has stopped it. */
  redis: Managed | undefined
  instances: Record<'a' | 'b', RunningServer>
  /** What both instances are started with. */
  env: Record<string, string>
  nginx: Managed
  /** nginx in front of both. */
  proxy: string
  /** Starts one more instance on its own copy of the build, with these settings on top. */
  startInstance(name: string, settings?: Record<string, string>): Promise<RunningServer>
  /** Publishes a row of the publish matrix through instance A's webhook; returns the row's checks. */
  publishToA(row: Row): Promise<{checks: ReturnType<Row['checks']>; since: number}>
}

/**
 * Several instances, one truth: two `next start` instances, each on its own copy of the build
 * (nothing shared on disk but the content), behind the shipped nginx config, sharing the Next
 * cache on a real Redis and feedback on a real PostgreSQL. Each file that describes them starts
 * its own set, and skips (saying what is missing) without PostgreSQL, redis-server, nginx or
 * Prometheus.
 */
export function describeTwoInstances(title: string, tests: (two: TwoInstances) => void) {
  const skipped = missing.length ? ` (skipped: no ${missing.join(', ')})` : ''
  test.describe(`${title}${skipped}`, () => {
    test.skip(missing.length > 0, `needs ${missing.join(', ')}`)
    const database = `scale_out_${randomBytes(6).toString('hex')}`
    const two = {} as TwoInstances
    const copies: string[] = []

    two.startInstance = async (name, settings = {}) => {
      const distDir = `.next-scale-out-${name}-${database}`
      copies.push(distDir)
      rmSync(path.join(root, distDir), {recursive: true, force: true})
      cpSync(path.join(root, '.next'), path.join(root, distDir), {recursive: true})
      return startNextServer(0, {...two.env, ...settings, NEXT_DIST_DIR: distDir})
    }
    two.publishToA = async (row) => {
      const checks = row.checks(two.documents)
      two.documents = await publishRow(row, {
        documents: two.documents,
        datasetFile: two.datasetFile,
        appUrl: two.instances.a.url,
        webhookSecret: WEBHOOK_SECRET,
      })
      return {checks, since: performance.now()}
    }

    test.beforeAll(async () => {
      test.setTimeout(180_000)
      // Made here, not as the file loads: Playwright loads it to list the tests as well.
      two.scratch = mkdtempSync(path.join(os.tmpdir(), 'e2e-scale-out-'))
      two.datasetFile = path.join(two.scratch, 'dataset.ndjson')
      const seed = path.join(root, 'sanity/seed/dataset.ndjson')
      two.documents = parseDataset(readFileSync(seed, 'utf8'), seed)
      cpSync(seed, two.datasetFile)
      two.redisPort = await freePort()
      two.redis = await startRedis(two.redisPort)
      await adminQuery(adminUrl!, `CREATE DATABASE ${database}`)
      two.env = {
        // The content both read: the Content Lake's part, played by one dataset file.
        CONTENT_DATASET_FILE: two.datasetFile,
        REDIS_URL: `redis://127.0.0.1:${two.redisPort}`,
        DATABASE_URL: Object.assign(new URL(adminUrl!), {pathname: `/${database}`}).toString(),
        SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
        FEEDBACK_RATE_LIMIT: String(RATE_LIMIT),
        FEEDBACK_ADMIN_TOKEN: ADMIN_TOKEN,
        METRICS_TOKEN,
      }
      two.instances = {a: await two.startInstance('a'), b: await two.startInstance('b')}
      const port = await freePort()
      const dir = path.join(two.scratch, 'nginx')
      // nginx's workers run as another user when the tests run as root: they must reach the cache.
      chmodSync(two.scratch, 0o755)
      const config = renderProxyConfig(await readShippedProxyConfig(), {
        port,
        upstreamPorts: [two.instances.a.url, two.instances.b.url].map((url) => Number(new URL(url).port)),
        cacheDir: path.join(dir, 'cache'),
      })
      two.nginx = await startNginx('nginx (two instances)', dir, config)
      two.proxy = `http://127.0.0.1:${port}`
    })

    test.afterAll(async () => {
      await two.nginx?.stop()
      await two.instances?.a.stop()
      await two.instances?.b.stop()
      await two.redis?.stop()
      await adminQuery(adminUrl!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {})
      for (const copy of copies) rmSync(path.join(root, copy), {recursive: true, force: true})
      if (two.scratch) rmSync(two.scratch, {recursive: true, force: true})
    })

    tests(two)
  })
}
