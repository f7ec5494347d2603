/**
 * `npm run bench`: builds the site at two dataset sizes and measures it against the framework
 * floor and the physical limit (docs/performance.md). Prints a table, writes
 * bench/results/latest.json and, from it, docs/benchmark-results.md.
 *
 *   npm run bench                  full run (1,000 and 10,000 terms)
 *   npm run bench -- --quick       smoke run: small sizes, short runs; writes bench/results/quick.json
 *   npm run bench -- --reuse-builds  keep earlier builds of the same datasets (build time not measured)
 *
 * Env: BENCH_PORT_BASE (default 3230; uses it and the next thirteen ports), BENCH_DATABASE_URL (also
 * measure feedback on that PostgreSQL), BENCH_LOCK_FILE (flock this file around each heavy phase).
 */
import '@/lib/runtime/require-node.mjs'

import {copyFile, mkdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {datasetFile, EMBEDDED_DATASET} from './generate-dataset'
import {firstLoadJs} from './lib/bundle-stats'
import {machine, preflight} from './lib/machine'
import {FULL, QUICK} from './lib/modes'
import {
  distDirFor,
  prepareSiteCopy,
  SITE_COPY_DIR,
  startApp,
  type AppEnv,
  type RunningApp,
} from './lib/next-app'
import {stopAll, stopChildrenOnExit, withLock, type Managed} from './lib/processes'
import {
  attempt,
  log,
  optionalPhase,
  portsFrom,
  serverExtra,
  WEBHOOK_SECRET,
  WORK_DIR,
  type Run,
} from './lib/run-context'
import {ensureBenchTools} from './lib/tools'
import {measureHostileTraffic} from './phases/hostile'
import {measurePublishing} from './phases/publishing'
import {checkRevalidation} from './phases/revalidation'
import {measureMentionFinder} from './phases/mention-finder'
import {measureSearch} from './phases/search'
import {measureStartUp} from './phases/start-up'
import {measureThroughput, startProxy} from './phases/throughput'
import {measureTracing} from './phases/tracing'
import {measureTwoInstances} from './phases/two-instances'
import {
  buildPhase,
  coldRenderAndMemoryPhase,
  contentQueriesPhase,
  feedbackPhase,
  lighthousePhase,
  memoryFloorPhase,
  smallSizePhase,
  writeDatasets,
  writeResults,
} from './run-steps'

/** The shipped default of FEEDBACK_ADDRESS_RATE_LIMIT, which the hostile-traffic phase holds the server to. */
const ADDRESS_BUDGET = 60
/** The bare page's size before the small build has measured the term page (about Backlink's). */
const FIRST_GUESS_BYTES = 110_000

async function main() {
  const {values} = parseArgs({options: {quick: {type: 'boolean'}, 'reuse-builds': {type: 'boolean'}}})
  const mode = values.quick ? QUICK : FULL
  const ports = portsFrom(Number(process.env.BENCH_PORT_BASE ?? 3230))
  const lockFile = process.env.BENCH_LOCK_FILE
  const run: Run = {
    mode,
    ports,
    reuseBuilds: values['reuse-builds'] === true,
    siteUrl: {NEXT_PUBLIC_SITE_URL: `http://127.0.0.1:${ports.app}`},
    locked: (label, work) => withLock(lockFile, label, work),
  }
  const startedAt = new Date()
  const began = performance.now()
  stopChildrenOnExit()

  await preflight(Object.values(ports))
  ensureBenchTools(log)
  log(`${mode.name} run: ${mode.sizes.small.toLocaleString()} and ${mode.sizes.large.toLocaleString()} terms`)
  await rm(WORK_DIR, {recursive: true, force: true})
  await mkdir(WORK_DIR, {recursive: true})
  await prepareSiteCopy()

  const datasets = await writeDatasets(mode)
  const contentQueries = await contentQueriesPhase(run, datasets)
  const mentionFinder = await run.locked('mention finder', async () =>
    measureMentionFinder(datasets[mode.sizes.large]),
  )
  log(
    `unlinked-mention finder: ${mentionFinder.maxMs.toFixed(1)} ms slowest over ${mentionFinder.characters.toLocaleString()} characters`,
  )

  const small = await buildPhase(run, mode.sizes.small, FIRST_GUESS_BYTES)
  const smallServer = await smallSizePhase(run, datasets[mode.sizes.small], small.staticPageBytes)
  const large = await buildPhase(run, mode.sizes.large, smallServer.bareBytesTarget)

  // Everything else runs against the large build, most of it against one server.
  const terms = mode.sizes.large
  const documents = datasets[terms]
  const termIds = documents.filter((doc) => doc._type === 'term').map((doc) => doc._id)
  const serverDataset = path.join(WORK_DIR, `content-${terms}.ndjson`)
  await copyFile(datasetFile(terms), serverDataset)
  const largeEnv: AppEnv = {
    datasetFile: serverDataset,
    distDir: distDirFor(terms),
    extra: serverExtra(run, 'pglite', smallServer.bareBytesTarget),
  }
  let app: RunningApp | undefined
  let proxy: Managed | undefined
  try {
    app = await startApp(largeEnv, ports.app)
    const server = app
    log(`next start at ${terms.toLocaleString()} terms answered in ${(app.startMs / 1000).toFixed(1)} s`)
    const memory = await coldRenderAndMemoryPhase(run, server, documents)

    proxy = await startProxy(WORK_DIR, ports.proxy, [ports.app])
    const proxyUrl = `http://127.0.0.1:${ports.proxy}`
    log('throughput…')
    const throughput = await run.locked('throughput', () =>
      measureThroughput(server.url, WORK_DIR, ports, proxyUrl, mode.load),
    )
    log('search…')
    const search = await attempt('search', () =>
      run.locked('search', () => measureSearch(server.url, terms, mode.searchRounds, mode.searchBudgetS)),
    )
    const feedback = await feedbackPhase(run, server, largeEnv, termIds)
    log('Lighthouse…')
    const lighthouse = await optionalPhase(run, 'Lighthouse', () => lighthousePhase(run, server))
    log('revalidation through the proxy…')
    const revalidation = await optionalPhase(run, 'revalidation', () =>
      checkRevalidation(server.url, proxyUrl, serverDataset),
    )
    log('publishing: the publish matrix, from Next and through the proxy…')
    const publishing = await optionalPhase(run, 'publishing', () =>
      measurePublishing(server.url, proxyUrl, serverDataset, WEBHOOK_SECRET),
    )
    log('two instances sharing the cache on Redis, behind the proxy…')
    const twoInstances = await optionalPhase(run, 'two instances', () =>
      measureTwoInstances({
        app: largeEnv,
        workDir: WORK_DIR,
        ports: {redis: ports.redis, a: ports.instanceA, b: ports.instanceB, proxy: ports.twoInstanceProxy},
        settings: mode.load,
        webhookSecret: WEBHOOK_SECRET,
      }),
    )
    log('hostile traffic: invented URLs, vote stuffing, the summary over stored votes…')
    const hostile = await optionalPhase(run, 'hostile traffic', () =>
      measureHostileTraffic({
        app: largeEnv,
        port: ports.hostile,
        workDir: WORK_DIR,
        termIds,
        settings: mode.load,
        inventedUrls: mode.inventedUrls,
        seededVotes: mode.seededVotes,
        addressBudget: ADDRESS_BUDGET,
      }),
    )

    // The last two phases start servers of their own and time them: the main server and the proxy
    // stop first, so their timers and garbage collection are not part of what is timed.
    await proxy.stop()
    await server.server.stop()
    const memoryFloor = await optionalPhase(run, 'memory floor', () => memoryFloorPhase(run, largeEnv, terms))
    log('start-up: the site and a bare Next.js page, restarted in turn…')
    const startUp = await optionalPhase(run, 'start-up', () =>
      measureStartUp({
        // The file the build read, whose snapshot the build left (docs/operations.md "Start-up").
        app: {...largeEnv, datasetFile: datasetFile(terms)},
        embeddedDatasetFile: EMBEDDED_DATASET,
        terms,
        port: ports.startUp,
        restarts: mode.restarts,
        workDir: WORK_DIR,
      }),
    )
    log('tracing off and on…')
    const tracing = await optionalPhase(run, 'tracing', () =>
      measureTracing({app: largeEnv, port: ports.tracing, settings: mode.load, workDir: WORK_DIR}),
    )

    await writeResults({
      schema: 1,
      mode: mode.name,
      startedAt: startedAt.toISOString(),
      durationS: (performance.now() - began) / 1000,
      machine: await machine(),
      sizes: mode.sizes,
      builds: [small.build, large.build],
      coldRender: [smallServer.cold, memory.cold],
      contentQueries,
      mentionFinder,
      throughput,
      revalidation,
      publishing,
      twoInstances,
      hostile,
      startUp,
      tracing,
      search,
      feedback,
      weight: {
        firstLoadJs: await firstLoadJs(distDirFor(terms), SITE_COPY_DIR),
        backlinkHtmlBytes: throughput.targets.term.bytes,
        rss: memory.rss,
        memoryFloor,
      },
      lighthouse,
    })
  } finally {
    await proxy?.stop()
    await app?.server.stop()
  }
}

main()
  .catch((error) => {
    console.error(`[bench] ${error instanceof Error ? error.message : error}`)
    process.exitCode = 1
  })
  .finally(() => stopAll())
