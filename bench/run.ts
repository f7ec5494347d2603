/**
 * `npm run bench`: builds the site at two dataset sizes and measures it against the framework
 * floor and the physical limit (docs/performance.md). Prints a table, writes
 * bench/results/latest.json and, from it, docs/benchmark-results.md.
 *
 *   npm run bench                  full run (1,000 and 10,000 terms)
 *   npm run bench -- --quick       smoke run: small sizes, short runs; writes bench/results/quick.json
 *   npm run bench -- --reuse-builds  keep earlier builds of the same datasets (build time not measured)
 *
 * Env: BENCH_PORT_BASE (default 3230; uses it and the next ten ports), BENCH_DATABASE_URL (also
 * measure feedback on that PostgreSQL), BENCH_LOCK_FILE (flock this file around each heavy phase).
 */
import '../lib/runtime/require-node.mjs'

import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {copyFile, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {parseDataset, type SanityDocument} from '../lib/content/dataset'
import {datasetFile, EMBEDDED_DATASET, writeSyntheticDataset} from './generate-dataset'
import {firstLoadJs} from './lib/bundle-stats'
import {assertPortFree, get} from './lib/http'
import {CHROMIUM_PATH, medianRun, runLighthouse} from './lib/lighthouse'
import {
  buildApp,
  distDirFor,
  forgetRenderedPages,
  groupRssBytes,
  settledRssBytes,
  startApp,
  type AppEnv,
  type RunningApp,
} from './lib/next-app'
import {stopAll, stopChildrenOnExit, withLock, type Managed} from './lib/processes'
import {ensureBenchTools, pinnedVersion} from './lib/tools'
import {
  evaluateTargets,
  renderReport,
  unavailable,
  type BenchResults,
  type BuildResult,
  type ColdRenderResult,
  type Measured,
} from './lib/results'
import type {LoadSettings} from './lib/wrk'
import {coldRenderSlugs, crawl, measureColdRender, termSlugsByUpdated} from './phases/cold-render'
import {measureContentQueries} from './phases/content-queries'
import {measureFeedback} from './phases/feedback'
import {measureHostileTraffic} from './phases/hostile'
import {measurePublishing} from './phases/publishing'
import {checkRevalidation} from './phases/revalidation'
import {measureSearch} from './phases/search'
import {measureStartUp} from './phases/start-up'
import {BARE_PATH, TERM_PATH, measureThroughput, startProxy} from './phases/throughput'
import {measureTracing} from './phases/tracing'
import {measureTwoInstances} from './phases/two-instances'
import {LATEST_RESULTS, REPORT_FILE, writeReport} from './write-report'

type Mode = {
  name: 'full' | 'quick'
  sizes: {small: number; large: number}
  coldTerms: number
  /** Time budgets (seconds) keep a run inside 15 minutes even when a page renders slowly. */
  coldBudgetS: number
  crawlBudgetS: number
  load: LoadSettings
  searchRounds: number
  searchBudgetS: number
  votes: number
  voteConcurrency: number
  votesBudgetS: number
  lighthouseRuns: number
  /** Invented URLs sent in the hostile-traffic phase, and votes stored before its summary is timed. */
  inventedUrls: number
  seededVotes: number
  /** Restarts of each server in the start-up phase. */
  restarts: number
  /** Terms TERM_QUERY is timed on, and runs of each list query, per size. */
  querySamples: number
  listQueryRuns: number
}

const FULL: Mode = {
  name: 'full',
  sizes: {small: 1_000, large: 10_000},
  coldTerms: 200,
  coldBudgetS: 60,
  crawlBudgetS: 240,
  load: {threads: 1, connections: 32, warmupSeconds: 2, seconds: 10},
  searchRounds: 5,
  searchBudgetS: 45,
  votes: 5_000,
  voteConcurrency: 16,
  votesBudgetS: 20,
  lighthouseRuns: 5,
  inventedUrls: 10_000,
  seededVotes: 300_000,
  restarts: 5,
  querySamples: 20,
  listQueryRuns: 3,
}

const QUICK: Mode = {
  name: 'quick',
  sizes: {small: 300, large: 1_000},
  coldTerms: 20,
  coldBudgetS: 20,
  crawlBudgetS: 20,
  load: {threads: 1, connections: 32, warmupSeconds: 1, seconds: 3},
  searchRounds: 1,
  searchBudgetS: 15,
  votes: 300,
  voteConcurrency: 16,
  votesBudgetS: 10,
  lighthouseRuns: 1,
  inventedUrls: 900,
  seededVotes: 10_000,
  restarts: 2,
  querySamples: 5,
  listQueryRuns: 2,
}

/** Absolute, because nginx reads relative paths from its own prefix. */
const WORK_DIR = path.resolve('bench/.work/run')
/** Signs the publishing phase's webhooks; the bench's servers accept only this one. */
const WEBHOOK_SECRET = 'bench-webhook-secret'
/** Where the feedback store keeps its PGlite database (lib/feedback reads this variable). */
const FEEDBACK_PGLITE_ENV = 'FEEDBACK_DATA_DIR'
/** The shipped default of FEEDBACK_ADDRESS_RATE_LIMIT, which the hostile-traffic phase holds the server to. */
const ADDRESS_BUDGET = 60
/** The bare page's size before the small build has measured the term page (about Backlink's). */
const FIRST_GUESS_BYTES = 110_000

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

function versionOf(command: string, args: string[]): string {
  const result = spawnSync(command, args, {encoding: 'utf8'})
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}`
  return /\d+(?:\.\d+)+/.exec(text)?.[0] ?? 'unknown'
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/** Everything the run needs is checked before anything is built; nothing is installed here. */
async function preflight(ports: number[]) {
  const missing: string[] = []
  if (!onPath('wrk')) missing.push('wrk')
  if (!onPath('nginx')) missing.push('nginx')
  if (!onPath('redis-server')) missing.push('redis-server')
  if (!existsSync(CHROMIUM_PATH)) missing.push('chromium')
  if (process.env.BENCH_LOCK_FILE && !onPath('flock')) missing.push('util-linux')
  const problems: string[] = []
  if (missing.length) {
    problems.push(`Missing tools. Install them with:\n  sudo apt-get install -y ${missing.join(' ')}`)
  }
  if (process.env.NEXT_PUBLIC_SANITY_PROJECT_ID) {
    problems.push(
      'NEXT_PUBLIC_SANITY_PROJECT_ID is set: the benchmark measures the embedded-dataset source; unset it.',
    )
  }
  for (const port of ports) {
    try {
      await assertPortFree(port)
    } catch (error) {
      problems.push((error as Error).message)
    }
  }
  if (problems.length) throw new Error(problems.join('\n'))
}

async function fileHash(file: string): Promise<string> {
  return createHash('sha1')
    .update(await readFile(file))
    .digest('hex')
}

/** A part that can fail without spoiling the rest of the run: its failure becomes its result. */
async function attempt<T>(name: string, work: () => Promise<Measured<T>>): Promise<Measured<T>> {
  try {
    return await work()
  } catch (error) {
    console.error(`[bench] ${name} failed: ${(error as Error).stack ?? error}`)
    return unavailable(`failed: ${(error as Error).message.split('\n')[0]}`)
  }
}

async function main() {
  const {values} = parseArgs({options: {quick: {type: 'boolean'}, 'reuse-builds': {type: 'boolean'}}})
  const mode = values.quick ? QUICK : FULL
  const reuseBuilds = values['reuse-builds'] === true
  const lockFile = process.env.BENCH_LOCK_FILE
  const base = Number(process.env.BENCH_PORT_BASE ?? 3230)
  const ports = {
    app: base,
    ceiling: base + 1,
    nginxStatic: base + 2,
    proxy: base + 3,
    postgresApp: base + 4,
    chromium: base + 5,
    redis: base + 6,
    instanceA: base + 7,
    instanceB: base + 8,
    twoInstanceProxy: base + 9,
    hostile: base + 10,
    startUp: base + 11,
    tracing: base + 12,
  }
  const startedAt = new Date()
  const began = performance.now()
  stopChildrenOnExit()

  await preflight(Object.values(ports))
  ensureBenchTools(log)
  log(`${mode.name} run: ${mode.sizes.small.toLocaleString()} and ${mode.sizes.large.toLocaleString()} terms`)

  await rm(WORK_DIR, {recursive: true, force: true})
  await mkdir(WORK_DIR, {recursive: true})

  const datasets: Record<number, SanityDocument[]> = {}
  for (const terms of [mode.sizes.small, mode.sizes.large]) {
    const {file, bytes} = await writeSyntheticDataset(terms)
    datasets[terms] = parseDataset(await readFile(file, 'utf8'), file)
    log(`dataset ${file}: ${(bytes / 1e6).toFixed(1)} MB`)
  }

  // Canonical URLs point at the server Lighthouse visits (a canonical on another host costs SEO points).
  const siteUrl = {NEXT_PUBLIC_SITE_URL: `http://127.0.0.1:${ports.app}`}
  // Every server gets its own feedback database in the work folder, never the developer's.
  // The bare page under a dynamic segment renders at run time, at the size the server is told.
  const serverExtra = (name: string, bareBytes: number) => ({
    ...siteUrl,
    [FEEDBACK_PGLITE_ENV]: path.resolve(WORK_DIR, `feedback-${name}`),
    DATABASE_URL: '',
    BENCH_STATIC_PAGE_BYTES: String(bareBytes),
    SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
  })
  const contentQueries: BenchResults['contentQueries'] = []
  for (const terms of [mode.sizes.small, mode.sizes.large]) {
    const {measured} = coldRenderSlugs(datasets[terms], mode.coldTerms)
    const slugs = measured.slice(0, mode.querySamples)
    const bySlug = new Map(
      datasets[terms].map((doc) => [(doc.slug as {current?: string} | undefined)?.current, doc._id]),
    )
    const queries = await withLock(lockFile, 'content queries', () =>
      measureContentQueries(
        datasetFile(terms),
        {slugs, ids: slugs.map((slug) => bySlug.get(slug)!)},
        mode.listQueryRuns,
      ),
    )
    contentQueries.push({terms, queries})
    log(
      `content queries at ${terms.toLocaleString()} terms: ${queries.map((q) => `${q.name} ${q.p50Ms.toFixed(1)} ms`).join(', ')}`,
    )
  }

  const builds: BuildResult[] = []
  const coldRender: ColdRenderResult[] = []
  /** Builds (or, with --reuse-builds, reuses a build of the same dataset); returns the bare page's size it was built with. */
  const build = async (terms: number, staticPageBytes: number): Promise<number> => {
    const env: AppEnv = {
      datasetFile: datasetFile(terms),
      distDir: distDirFor(terms),
      extra: {...siteUrl, BENCH_STATIC_PAGE_BYTES: String(staticPageBytes)},
    }
    const stamp = {dataset: await fileHash(env.datasetFile), staticPageBytes}
    const stampFile = path.join(env.distDir, 'bench-build.json')
    if (reuseBuilds && existsSync(stampFile)) {
      const previous = JSON.parse(await readFile(stampFile, 'utf8')) as typeof stamp
      if (previous.dataset === stamp.dataset) {
        await forgetRenderedPages(env.distDir)
        builds.push({terms, wallS: null, note: 'reused an earlier build'})
        log(`reusing the build in ${env.distDir}`)
        return previous.staticPageBytes
      }
      log(`the build in ${env.distDir} is of another dataset: building again`)
    }
    log(`building ${terms.toLocaleString()} terms into ${env.distDir}…`)
    const ms = await withLock(lockFile, 'build', () => buildApp(env))
    await writeFile(stampFile, JSON.stringify(stamp))
    builds.push({terms, wallS: ms / 1000})
    log(`built in ${(ms / 1000).toFixed(1)} s`)
    return staticPageBytes
  }

  // Small size: build, cold render, and the sizes the bare page is calibrated from.
  const builtBareBytes = await build(mode.sizes.small, FIRST_GUESS_BYTES)
  let bareBytesTarget: number
  {
    const app = await startApp(
      {
        datasetFile: datasetFile(mode.sizes.small),
        distDir: distDirFor(mode.sizes.small),
        extra: serverExtra('small', builtBareBytes),
      },
      ports.app,
    )
    try {
      const slugs = coldRenderSlugs(datasets[mode.sizes.small], mode.coldTerms)
      const cold = await withLock(lockFile, 'cold render', () =>
        measureColdRender(app.url, mode.sizes.small, slugs, mode.coldBudgetS),
      )
      coldRender.push(reportCold(cold))
      // The bare page's HTML is its text plus a near-constant frame: correct the guess by the miss.
      const term = (await get(`${app.url}${TERM_PATH}`)).body.length
      const bare = (await get(`${app.url}${BARE_PATH}`)).body.length
      bareBytesTarget = term + (builtBareBytes - bare)
    } finally {
      await app.server.stop()
    }
  }

  // Large size: everything else runs against this build and this server.
  await build(mode.sizes.large, bareBytesTarget)
  const large = mode.sizes.large
  const serverDataset = path.join(WORK_DIR, `content-${large}.ndjson`)
  await copyFile(datasetFile(large), serverDataset)
  const largeEnv: AppEnv = {
    datasetFile: serverDataset,
    distDir: distDirFor(large),
    extra: serverExtra('pglite', bareBytesTarget),
  }
  let app: RunningApp | undefined
  let proxy: Managed | undefined
  try {
    app = await startApp(largeEnv, ports.app)
    const running = app
    log(`next start at ${large.toLocaleString()} terms answered in ${(app.startMs / 1000).toFixed(1)} s`)
    const rssAtStart = await groupRssBytes(app.server)

    const documents = datasets[large]
    const slugs = coldRenderSlugs(documents, mode.coldTerms)
    const {cold, crawled} = await withLock(lockFile, 'cold render', async () => {
      log(`cold render of ${slugs.measured.length} terms…`)
      const cold = await measureColdRender(running.url, large, slugs, mode.coldBudgetS)
      const seen = new Set([slugs.warmUp, ...slugs.measured])
      const rest = termSlugsByUpdated(documents).filter((slug) => !seen.has(slug))
      log(`serving the other ${rest.length.toLocaleString()} terms once…`)
      const crawled = await crawl(running.url, rest, mode.crawlBudgetS)
      return {cold, crawled: {...crawled, served: crawled.served + cold.measured + 1}}
    })
    coldRender.push(reportCold(cold))
    const rss = {
      terms: large,
      served: crawled.served,
      // Settled, as the hostile phase reads it: what the server keeps, not garbage not yet collected.
      bytes: await settledRssBytes(app.server),
      startBytes: rssAtStart,
      budgetHit: crawled.budgetHit,
    }
    if (crawled.failed.length)
      console.error(`[bench] ${crawled.failed.length} pages failed: ${crawled.failed.slice(0, 5).join(', ')}`)

    proxy = await startProxy(WORK_DIR, ports.proxy, [ports.app])
    const proxyUrl = `http://127.0.0.1:${ports.proxy}`
    log('throughput…')
    const throughput = await withLock(lockFile, 'throughput', () =>
      measureThroughput(running.url, WORK_DIR, ports, proxyUrl, mode.load),
    )

    log('search…')
    const search = await attempt('search', () =>
      withLock(lockFile, 'search', () =>
        measureSearch(running.url, large, mode.searchRounds, mode.searchBudgetS),
      ),
    )

    const termIds = documents.filter((doc) => doc._type === 'term').map((doc) => doc._id)
    const voteOptions = {votes: mode.votes, concurrency: mode.voteConcurrency, budgetS: mode.votesBudgetS}
    log('feedback on PGlite…')
    const pglite = await attempt('feedback (PGlite)', () =>
      withLock(lockFile, 'feedback', () => measureFeedback(running.url, termIds, voteOptions)),
    )
    const postgresUrl = process.env.BENCH_DATABASE_URL
    const postgres = postgresUrl
      ? await attempt('feedback (PostgreSQL)', async () => {
          log('feedback on PostgreSQL…')
          const pgApp = await startApp(
            {...largeEnv, extra: {...siteUrl, DATABASE_URL: postgresUrl}},
            ports.postgresApp,
          )
          try {
            return await withLock(lockFile, 'feedback', () =>
              measureFeedback(pgApp.url, termIds, voteOptions),
            )
          } finally {
            await pgApp.server.stop()
          }
        })
      : unavailable('skipped: BENCH_DATABASE_URL not set')

    log('Lighthouse…')
    const lighthouse = await attempt('Lighthouse', () =>
      withLock(lockFile, 'lighthouse', async () => {
        const pages = [
          {name: 'term', path: TERM_PATH},
          {name: 'index', path: '/glossary'},
          {name: 'bare', path: BARE_PATH},
        ]
        const runs = await runLighthouse(
          pages.map((page) => `${running.url}${page.path}`),
          mode.lighthouseRuns,
          ports.chromium,
        )
        return {
          status: 'ok' as const,
          runsPerPage: mode.lighthouseRuns,
          pages: pages.map((page, index) => ({...page, median: medianRun(runs[index]), runs: runs[index]})),
        }
      }),
    )

    log('revalidation through the proxy…')
    const revalidation = await attempt('revalidation', () =>
      withLock(lockFile, 'revalidation', async () => ({
        status: 'ok' as const,
        ...(await checkRevalidation(running.url, proxyUrl, serverDataset)),
      })),
    )

    log('publishing: the publish matrix, from Next and through the proxy…')
    const publishing = await attempt('publishing', () =>
      withLock(lockFile, 'publishing', async () => ({
        status: 'ok' as const,
        ...(await measurePublishing(running.url, proxyUrl, serverDataset, WEBHOOK_SECRET)),
      })),
    )

    log('two instances sharing the cache on Redis, behind the proxy…')
    const twoInstances = await attempt('two instances', () =>
      withLock(lockFile, 'two instances', async () => ({
        status: 'ok' as const,
        ...(await measureTwoInstances({
          app: largeEnv,
          workDir: WORK_DIR,
          ports: {
            redis: ports.redis,
            a: ports.instanceA,
            b: ports.instanceB,
            proxy: ports.twoInstanceProxy,
          },
          settings: mode.load,
          webhookSecret: WEBHOOK_SECRET,
        })),
      })),
    )

    log('hostile traffic: invented URLs, vote stuffing, the summary over stored votes…')
    const hostile = await attempt('hostile traffic', () =>
      withLock(lockFile, 'hostile traffic', async () => ({
        status: 'ok' as const,
        ...(await measureHostileTraffic({
          app: largeEnv,
          port: ports.hostile,
          workDir: WORK_DIR,
          termIds,
          settings: mode.load,
          inventedUrls: mode.inventedUrls,
          seededVotes: mode.seededVotes,
          addressBudget: ADDRESS_BUDGET,
        })),
      })),
    )

    // The last two phases start servers of their own and time them: the main server and the proxy
    // stop first, so their timers and garbage collection are not part of what is timed.
    await proxy.stop()
    await running.server.stop()

    log('start-up: the site and a bare Next.js page, restarted in turn…')
    const startUp = await attempt('start-up', () =>
      withLock(lockFile, 'start-up', async () => ({
        status: 'ok' as const,
        ...(await measureStartUp({
          // The file the build read, whose snapshot the build left (docs/operations.md "Start-up").
          app: {...largeEnv, datasetFile: datasetFile(large)},
          embeddedDatasetFile: EMBEDDED_DATASET,
          terms: large,
          port: ports.startUp,
          restarts: mode.restarts,
          workDir: WORK_DIR,
        })),
      })),
    )

    log('tracing off and on…')
    const tracing = await attempt('tracing', () =>
      withLock(lockFile, 'tracing', async () => ({
        status: 'ok' as const,
        ...(await measureTracing({
          app: largeEnv,
          port: ports.tracing,
          settings: mode.load,
          workDir: WORK_DIR,
        })),
      })),
    )

    const partial: Omit<BenchResults, 'targets'> = {
      schema: 1,
      mode: mode.name,
      startedAt: startedAt.toISOString(),
      durationS: (performance.now() - began) / 1000,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.versions.node,
        next: (JSON.parse(await readFile('node_modules/next/package.json', 'utf8')) as {version: string})
          .version,
        tools: {
          nginx: versionOf('nginx', ['-v']),
          redis: versionOf('redis-server', ['--version']),
          wrk: versionOf('wrk', ['--version']),
          chromium: versionOf(CHROMIUM_PATH, ['--version']),
          lighthouse: pinnedVersion('lighthouse'),
        },
      },
      sizes: mode.sizes,
      builds,
      coldRender,
      contentQueries,
      throughput,
      revalidation,
      publishing,
      twoInstances,
      hostile,
      startUp,
      tracing,
      search,
      feedback: {pglite, postgres},
      weight: {
        firstLoadJs: await firstLoadJs(distDirFor(large)),
        backlinkHtmlBytes: throughput.targets.term.bytes,
        rss,
      },
      lighthouse,
    }
    const results: BenchResults = {...partial, targets: evaluateTargets(partial)}
    const file = mode.name === 'full' ? LATEST_RESULTS : 'bench/results/quick.json'
    await mkdir(path.dirname(file), {recursive: true})
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
    console.log(`\n${renderReport(results)}\n`)
    log(`wrote ${file}`)
    if (mode.name === 'full') {
      await writeReport(file)
      log(`wrote ${REPORT_FILE}`)
    }
  } finally {
    await proxy?.stop()
    await app?.server.stop()
  }
}

function reportCold(cold: Awaited<ReturnType<typeof measureColdRender>>): ColdRenderResult {
  const {failed, ...result} = cold
  if (failed.length)
    console.error(`[bench] cold render: ${failed.length} pages failed: ${failed.slice(0, 5).join(', ')}`)
  log(
    `cold render at ${cold.terms.toLocaleString()} terms: p50 ${cold.p50Ms.toFixed(1)} ms, p99 ${cold.p99Ms.toFixed(1)} ms (${cold.measured} pages)`,
  )
  return result
}

main()
  .catch((error) => {
    console.error(`[bench] ${error instanceof Error ? error.message : error}`)
    process.exitCode = 1
  })
  .finally(() => stopAll())
