/**
 * Two instances: the large build served by one and then by two `next start` instances (each on its
 * own copy of the build) sharing the Next cache on Redis, behind the shipped nginx config. Measures
 * requests per second through nginx for the term page as readers get it (nginx's cached copy) and
 * for the same page with a query string nginx does not cache (every request reaches an instance,
 * which answers from the shared cache), and how long a publish sent to instance A takes to show on B.
 */
import {cp, readFile, rm} from 'node:fs/promises'
import path from 'node:path'

import {parseDataset} from '@/lib/content/dataset'
import {RENDERED_PAGES_DIR, startApp, type AppEnv, type RunningApp} from '@/bench/lib/next-app'
import type {Managed} from '@/bench/lib/processes'
import {pollChecks} from '@/bench/lib/publish-checks'
import {PUBLISH_MATRIX} from '@/bench/lib/publish-matrix'
import {startRedis} from '@/bench/lib/redis'
import type {TwoInstancesResult} from '@/bench/lib/results'
import {measureLoad, type LoadSettings} from '@/bench/lib/wrk'
import {answer, publishRow, sample} from './publishing'
import {startProxy, TERM_PATH} from './throughput'

export type TwoInstancePorts = {redis: number; a: number; b: number; proxy: number}

/** A query string nginx does not cache (any parameter but tracking ones): each request reaches Next. */
const UNCACHED_PATH = `${TERM_PATH}?bench=through`
const PUBLISH_ROW = 'term title'
const GIVE_UP_MS = 30_000

export async function measureTwoInstances({
  app,
  workDir,
  ports,
  settings,
  webhookSecret,
}: {
  app: AppEnv
  workDir: string
  ports: TwoInstancePorts
  settings: LoadSettings
  webhookSecret: string
}): Promise<TwoInstancesResult> {
  const dir = path.join(workDir, 'two-instances')
  const datasetFile = path.join(dir, 'content.ndjson')
  await rm(dir, {recursive: true, force: true})
  await cp(app.datasetFile, datasetFile)
  const running: {stop: () => Promise<void>}[] = []
  try {
    const redis: Managed = await startRedis(ports.redis)
    running.push(redis)
    const instances: RunningApp[] = []
    for (const [name, port] of [
      ['a', ports.a],
      ['b', ports.b],
    ] as const) {
      // Each instance on its own copy of the build: nothing on disk is shared.
      const distDir = path.relative(process.cwd(), path.join(dir, `next-${name}`))
      // Without the pages the large server rendered (2.3 GB at 10,000 terms): instances share
      // their cache on Redis, and copying them took most of this phase.
      const rendered = path.resolve(app.distDir, RENDERED_PAGES_DIR)
      await cp(app.distDir, distDir, {
        recursive: true,
        filter: (source) => !path.resolve(source).startsWith(rendered),
      })
      const instance = await startApp(
        {
          ...app,
          datasetFile,
          distDir,
          // Feedback is not measured here: each instance gets its own embedded database.
          extra: {
            ...app.extra,
            REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
            FEEDBACK_DATA_DIR: path.join(dir, `feedback-${name}`),
          },
        },
        port,
      )
      running.push(instance.server)
      instances.push(instance)
    }
    const [a, b] = instances

    const load: TwoInstancesResult['load'] = []
    for (const upstream of [[a], [a, b]]) {
      const proxy = await startProxy(
        dir,
        ports.proxy,
        upstream.map((instance) => Number(new URL(instance.url).port)),
      )
      try {
        const proxyUrl = `http://127.0.0.1:${ports.proxy}`
        for (const [label, pathname] of [
          ['term page (nginx’s cached copy)', TERM_PATH],
          ['term page, not cached by nginx (each request reaches an instance)', UNCACHED_PATH],
        ] as const) {
          for (let warm = 0; warm < 5; warm++) await answer(`${proxyUrl}${pathname}`)
          console.log(`  wrk ${label}, ${upstream.length} instance(s)…`)
          load.push({
            instances: upstream.length,
            label,
            ...(await measureLoad(`${proxyUrl}${pathname}`, settings)),
          })
        }
      } finally {
        await proxy.stop()
      }
    }

    // A publish sent to A, read from B.
    const row = PUBLISH_MATRIX.find((candidate) => candidate.name === PUBLISH_ROW)!
    const documents = parseDataset(await readFile(datasetFile, 'utf8'), datasetFile)
    const checks = sample(row.checks(documents))
    for (const check of checks) await answer(`${b.url}${check.path}`)
    await publishRow(row, {documents, datasetFile, appUrl: a.url, webhookSecret})
    const shown = await pollChecks(checks, (pathname) => answer(`${b.url}${pathname}`), {
      since: performance.now(),
      budgetMs: GIVE_UP_MS,
      everyMs: 100,
    })
    return {
      settings,
      load,
      publish: {row: PUBLISH_ROW, pages: checks.length, visibleOnBMs: shown.ms, failed: shown.failed},
    }
  } finally {
    for (const part of running.reverse()) await part.stop()
    await rm(dir, {recursive: true, force: true})
  }
}
