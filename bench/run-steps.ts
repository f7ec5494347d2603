/** The steps of a bench run that are more than one call to a phase module (bench/phases). */
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {parseDataset, type SanityDocument} from '@/lib/content/dataset'
import {termPath} from '@/lib/site/urls'
import {datasetFile, writeSyntheticDataset} from './generate-dataset'
import {get} from './lib/http'
import {medianRun, runLighthouse} from './lib/lighthouse'
import type {Mode} from './lib/modes'
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
import {renderReport} from './lib/report'
import {
  unavailable,
  type BenchResults,
  type BuildResult,
  type ColdRenderResult,
  type MemoryFloorResult,
} from './lib/results'
import {attempt, log, serverExtra, type Run} from './lib/run-context'
import {evaluateTargets} from './lib/targets'
import {
  coldRenderSlugs,
  crawl,
  measureColdRender,
  memoryFloorPaths,
  termSlugsByUpdated,
} from './phases/cold-render'
import {measureContentQueries} from './phases/content-queries'
import {measureFeedback} from './phases/feedback'
import {BARE_PATH, TERM_PATH} from './phases/throughput'
import {LATEST_RESULTS, REPORT_FILE, writeReport} from './write-report'

async function fileHash(file: string): Promise<string> {
  return createHash('sha1')
    .update(await readFile(file))
    .digest('hex')
}

export async function writeDatasets(mode: Mode): Promise<Record<number, SanityDocument[]>> {
  const datasets: Record<number, SanityDocument[]> = {}
  for (const terms of [mode.sizes.small, mode.sizes.large]) {
    const {file, bytes} = await writeSyntheticDataset(terms)
    datasets[terms] = parseDataset(await readFile(file, 'utf8'), file)
    log(`dataset ${file}: ${(bytes / 1e6).toFixed(1)} MB`)
  }
  return datasets
}

/** groq-js time per query of the embedded source, at both sizes, on terms the cold render also reads. */
export async function contentQueriesPhase(run: Run, datasets: Record<number, SanityDocument[]>) {
  const contentQueries: BenchResults['contentQueries'] = []
  for (const terms of [run.mode.sizes.small, run.mode.sizes.large]) {
    const {measured} = coldRenderSlugs(datasets[terms], run.mode.coldTerms)
    const slugs = measured.slice(0, run.mode.querySamples)
    const bySlug = new Map(
      datasets[terms].map((doc) => [(doc.slug as {current?: string} | undefined)?.current, doc._id]),
    )
    const queries = await run.locked('content queries', () =>
      measureContentQueries(
        datasetFile(terms),
        {slugs, ids: slugs.map((slug) => bySlug.get(slug)!)},
        run.mode.listQueryRuns,
      ),
    )
    contentQueries.push({terms, queries})
    log(
      `content queries at ${terms.toLocaleString()} terms: ${queries.map((q) => `${q.name} ${q.p50Ms.toFixed(1)} ms`).join(', ')}`,
    )
  }
  return contentQueries
}

/**
 * Builds the site copy at a size (or, with --reuse-builds, reuses a build of the same dataset);
 * returns the build's result and the bare page's size it was built with.
 */
export async function buildPhase(
  run: Run,
  terms: number,
  staticPageBytes: number,
): Promise<{build: BuildResult; staticPageBytes: number}> {
  const env: AppEnv = {
    datasetFile: datasetFile(terms),
    distDir: distDirFor(terms),
    extra: {...run.siteUrl, BENCH_STATIC_PAGE_BYTES: String(staticPageBytes)},
  }
  const stamp = {dataset: await fileHash(env.datasetFile), staticPageBytes}
  const stampFile = path.join(env.distDir, 'bench-build.json')
  if (run.reuseBuilds && existsSync(stampFile)) {
    const previous = JSON.parse(await readFile(stampFile, 'utf8')) as typeof stamp
    if (previous.dataset === stamp.dataset) {
      await forgetRenderedPages(env.distDir)
      log(`reusing the build in ${env.distDir}`)
      return {
        build: {terms, wallS: null, note: 'reused an earlier build'},
        staticPageBytes: previous.staticPageBytes,
      }
    }
    log(`the build in ${env.distDir} is of another dataset: building again`)
  }
  log(`building ${terms.toLocaleString()} terms into ${env.distDir}…`)
  const ms = await run.locked('build', () => buildApp(env))
  await writeFile(stampFile, JSON.stringify(stamp))
  log(`built in ${(ms / 1000).toFixed(1)} s`)
  return {build: {terms, wallS: ms / 1000}, staticPageBytes}
}

/**
 * The small size's server: its cold render, and the bare page's size that matches the term page's
 * (the bare page's HTML is its text plus a near-constant frame, so the guess is corrected by the miss).
 */
export async function smallSizePhase(run: Run, documents: SanityDocument[], builtBareBytes: number) {
  const terms = run.mode.sizes.small
  const app = await startApp(
    {
      datasetFile: datasetFile(terms),
      distDir: distDirFor(terms),
      extra: serverExtra(run, 'small', builtBareBytes),
    },
    run.ports.app,
  )
  try {
    const slugs = coldRenderSlugs(documents, run.mode.coldTerms)
    const cold = await run.locked('cold render', () =>
      measureColdRender(app.url, terms, slugs, run.mode.coldBudgetS),
    )
    const term = (await get(`${app.url}${TERM_PATH}`)).body.length
    const bare = (await get(`${app.url}${BARE_PATH}`)).body.length
    return {cold: reportCold(cold), bareBytesTarget: term + (builtBareBytes - bare)}
  } finally {
    await app.server.stop()
  }
}

/** The large server's cold render, then every other term served once, and the memory that leaves. */
export async function coldRenderAndMemoryPhase(run: Run, app: RunningApp, documents: SanityDocument[]) {
  const terms = run.mode.sizes.large
  const rssAtStart = await groupRssBytes(app.server)
  const slugs = coldRenderSlugs(documents, run.mode.coldTerms)
  const {cold, crawled} = await run.locked('cold render', async () => {
    log(`cold render of ${slugs.measured.length} terms…`)
    const cold = await measureColdRender(app.url, terms, slugs, run.mode.coldBudgetS)
    const seen = new Set([slugs.warmUp, ...slugs.measured])
    const rest = termSlugsByUpdated(documents).filter((slug) => !seen.has(slug))
    log(`serving the other ${rest.length.toLocaleString()} terms once…`)
    const crawled = await crawl(app.url, rest.map(termPath), run.mode.crawlBudgetS)
    return {cold, crawled: {...crawled, served: crawled.served + cold.measured + 1}}
  })
  if (crawled.failed.length)
    console.error(`[bench] ${crawled.failed.length} pages failed: ${crawled.failed.slice(0, 5).join(', ')}`)
  const rss = {
    terms,
    served: crawled.served,
    // Settled, as the hostile phase reads it: what the server keeps, not garbage not yet collected.
    bytes: await settledRssBytes(app.server),
    startBytes: rssAtStart,
    budgetHit: crawled.budgetHit,
  }
  return {cold: reportCold(cold), rss}
}

/**
 * The framework's memory for what the memory target measures: a server of its own on the large
 * build renders as many different bare pages of the term page's size on demand as there are terms,
 * two at a time, and its resident memory is read the same way, once settled.
 */
export async function memoryFloorPhase(run: Run, env: AppEnv, pages: number): Promise<MemoryFloorResult> {
  const app = await startApp(env, run.ports.memoryFloor)
  try {
    const startBytes = await groupRssBytes(app.server)
    log(`the memory floor: ${pages.toLocaleString()} bare pages rendered on demand…`)
    const crawled = await crawl(app.url, memoryFloorPaths(pages), run.mode.crawlBudgetS)
    if (crawled.failed.length) throw new Error(`bare pages failed: ${crawled.failed.slice(0, 5).join(', ')}`)
    return {
      pages,
      served: crawled.served,
      bytes: await settledRssBytes(app.server),
      startBytes,
      budgetHit: crawled.budgetHit,
    }
  } finally {
    await app.server.stop()
  }
}

/** Votes per second on PGlite (the large server) and, with BENCH_DATABASE_URL, on PostgreSQL. */
export async function feedbackPhase(run: Run, app: RunningApp, largeEnv: AppEnv, termIds: string[]) {
  const options = {
    votes: run.mode.votes,
    concurrency: run.mode.voteConcurrency,
    budgetS: run.mode.votesBudgetS,
  }
  log('feedback on PGlite…')
  const pglite = await attempt('feedback (PGlite)', () =>
    run.locked('feedback', () => measureFeedback(app.url, termIds, options)),
  )
  const postgresUrl = process.env.BENCH_DATABASE_URL
  if (!postgresUrl) return {pglite, postgres: unavailable('skipped: BENCH_DATABASE_URL not set')}
  const postgres = await attempt('feedback (PostgreSQL)', async () => {
    log('feedback on PostgreSQL…')
    const pgApp = await startApp(
      {...largeEnv, extra: {...run.siteUrl, DATABASE_URL: postgresUrl}},
      run.ports.postgresApp,
    )
    try {
      return await run.locked('feedback', () => measureFeedback(pgApp.url, termIds, options))
    } finally {
      await pgApp.server.stop()
    }
  })
  return {pglite, postgres}
}

export async function lighthousePhase(run: Run, app: RunningApp) {
  const pages = [
    {name: 'term', path: TERM_PATH},
    {name: 'index', path: '/glossary'},
    {name: 'bare', path: BARE_PATH},
  ]
  const runs = await runLighthouse(
    pages.map((page) => `${app.url}${page.path}`),
    run.mode.lighthouseRuns,
    run.ports.chromium,
  )
  return {
    runsPerPage: run.mode.lighthouseRuns,
    pages: pages.map((page, index) => ({...page, median: medianRun(runs[index]), runs: runs[index]})),
  }
}

/** Writes the run's results (and, for a full run, docs/benchmark-results.md) and prints the table. */
export async function writeResults(partial: Omit<BenchResults, 'targets'>) {
  const results: BenchResults = {...partial, targets: evaluateTargets(partial)}
  const file = partial.mode === 'full' ? LATEST_RESULTS : 'bench/results/quick.json'
  await mkdir(path.dirname(file), {recursive: true})
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\n${renderReport(results)}\n`)
  log(`wrote ${file}`)
  if (partial.mode === 'full') {
    await writeReport(file)
    log(`wrote ${REPORT_FILE}`)
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
