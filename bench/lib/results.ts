/**
 * The shape of bench/results/latest.json, the targets from the benchmark issue judged against it,
 * and the Markdown report printed at the end of a run and kept in docs/benchmark-results.md.
 */
import type {RouteWeight} from './bundle-stats'
import type {LighthouseScores} from './lighthouse'
import {percentile, round} from './stats'
import type {LoadResult, LoadSettings} from './wrk'

export type Unavailable = {status: 'unavailable'; reason: string}
export type Measured<T> = ({status: 'ok'} & T) | Unavailable

export const unavailable = (reason: string): Unavailable => ({status: 'unavailable', reason})
export const ROUTE_MISSING = 'not available (route missing)'

export type BuildResult = {terms: number; wallS: number | null; note?: string}

export type ColdRenderResult = {
  terms: number
  requested: number
  measured: number
  p50Ms: number
  p99Ms: number
  /** Responses Next did not render for this request (x-nextjs-cache other than MISS). */
  notRendered: number
  budgetHit: boolean
  /** The same number of first renders of the bare page of the same size: the framework's share. */
  floor?: {measured: number; p50Ms: number; p99Ms: number; notRendered: number; bytes: number}
}

export type LoadTargetName = 'term' | 'bare' | 'bareDynamic' | 'ceiling' | 'nginxStatic' | 'proxy'

export type LoadTarget = {label: string; url: string; bytes: number} & LoadResult

export type ThroughputResult = {
  settings: LoadSettings
  targets: Record<LoadTargetName, LoadTarget>
  ratios: {
    termVsBare: number
    termVsBareDynamic: number
    proxyVsNginxStatic: number
    termVsNginxStatic: number
  }
}

export type RevalidationResult = {
  windowS: number
  /** From the publish to the first answer with the new text: from Next directly, and through the proxy. */
  originVisibleMs: number
  proxyVisibleMs: number
  pass: boolean
}

export type PublishRowResult = {
  name: string
  reaches: string
  /** Every page and output the row reaches, and how many of them were polled (see bench/phases/publishing). */
  pages: number
  checked: number
  /** From the webhook's answer until every page showed the change: from Next, and through the proxy (null: some never did). */
  originVisibleMs: number | null
  proxyVisibleMs: number | null
  failed: string[]
}

export type PublishingResult = {
  proxyWindowS: number
  termPagesChecked: number
  targetMs: number
  rows: PublishRowResult[]
  pass: boolean
}

export type TwoInstancesResult = {
  settings: LoadSettings
  /** Through nginx, with one instance and with two behind it (both sharing the cache on Redis). */
  load: ({instances: number; label: string} & LoadResult)[]
  /** A publish sent to instance A: until every polled page of the row showed it on instance B (null: some never did). */
  publish: {row: string; pages: number; visibleOnBMs: number | null; failed: string[]}
}

export type HostileResult = {
  /** Invented URLs on every dynamic route, after a warm-up round: growth of the build folder and the server's memory. */
  invented: {urls: number; notFound: number; withBody: number; buildFolderBytes: number; memoryBytes: number}
  /**
   * Votes for one term from one address under as many User-Agents, against the address budget (a
   * clock minute's); `minutes` is how many clock minutes the burst touched (it starts early in one).
   */
  stuffing: {votes: number; stored: number; budget: number; minutes: number}
  /** The summary over `votes` stored votes (each call after a vote, so never from its cache); a cached page's p99 alone and during 20 parallel summary callers. */
  summary: {
    votes: number
    p50Ms: number
    p95Ms: number
    pageIdleP99Ms: number
    pageBusyP99Ms: number
    /** Summaries answered while the page was loaded: the callers really were asking. */
    summaryCallsDuringLoad: number
    /** The two wrk runs on the page in full (a run with failed requests is not trusted). */
    pageLoad?: {idle: LoadResult; busy: LoadResult}
  }
}

export type StartUpResult = {
  restarts: number
  terms: number
  /** The term page's HTML and the bare page's, which is built to the same size. */
  pageBytes: {site: number; bare: number}
  /** From spawning `next start` until the term page answered 200, per restart (alternating). */
  bareMs: number[]
  embeddedMs: number[]
  largeMs: number[]
  /** The site's own "ready" log line: milliseconds since its process started. */
  readyMs: {embedded: number[]; large: number[]}
  /** One start at the large size on a copy of its file the build never saw (no snapshot: parsed in full). */
  largeWithoutSnapshotMs: number
}

export type TracingResult = {
  settings: LoadSettings
  /** The term page from `next start`, with tracing off and with every span exported over OTLP: the better of two runs each. */
  off: LoadResult
  on: LoadResult
  /** Both runs of each (off, on, on, off in time). Absent from runs that measured each once. */
  runsReqPerSec?: {off: number[]; on: number[]}
  /** OTLP export requests the receiver got during the runs with tracing on, and their bytes. */
  exports: number
  exportedBytes: number
}

export type SearchResult = {
  terms: number
  queries: number
  requests: number
  /** The first query after start, which may build the search index. */
  firstQueryMs: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  non200: number
  budgetHit: boolean
}

export type FeedbackResult = {
  terms: number
  sent: number
  accepted: number
  /** Answers other than 2xx, by status (0: no answer). */
  rejected: Record<string, number>
  votesPerSec: number
  p50Ms: number
  p99Ms: number
  /** Growth of the summary's yes + no counts over the run; null when the summary could not be read. */
  stored: number | null
  storedNote?: string
  budgetHit: boolean
  /** Posts per second the route answers when it refuses an unknown term before the database. */
  routeFloorPerSec?: number
}

export type QueryCost = {name: string; runs: number; p50Ms: number; maxMs: number}

export type LighthousePage = {name: string; path: string; median: LighthouseScores; runs: LighthouseScores[]}

export type BenchResults = {
  schema: 1
  mode: 'full' | 'quick'
  startedAt: string
  durationS: number
  machine: {
    cpus: number
    cpuModel: string
    memoryGiB: number
    node: string
    next: string
    tools: Record<string, string>
  }
  sizes: {small: number; large: number}
  builds: BuildResult[]
  coldRender: ColdRenderResult[]
  /** groq-js time per query of the embedded-dataset source, at each size. */
  contentQueries: {terms: number; queries: QueryCost[]}[]
  throughput: ThroughputResult
  revalidation: Measured<RevalidationResult>
  publishing: Measured<PublishingResult>
  twoInstances: Measured<TwoInstancesResult>
  /** Absent from runs before the hostile-traffic phase existed. */
  hostile?: Measured<HostileResult>
  /** Absent from runs before the start-up and tracing phases existed. */
  startUp?: Measured<StartUpResult>
  tracing?: Measured<TracingResult>
  search: Measured<SearchResult>
  feedback: {pglite: Measured<FeedbackResult>; postgres: Measured<FeedbackResult>}
  weight: {
    firstLoadJs: RouteWeight[]
    backlinkHtmlBytes: number
    /** Resident memory of the server's processes after start and after serving the terms once. */
    rss: {terms: number; served: number; bytes: number; startBytes: number; budgetHit: boolean}
  }
  lighthouse: Measured<{runsPerPage: number; pages: LighthousePage[]}>
  targets: TargetResult[]
}

export type TargetResult = {id: string; target: string; measured: string; pass: boolean | null}

const TERM_ROUTE = '/glossary/[slug]'
const TERM_PATH_LABEL = '/glossary/backlink'
const BARE_ROUTE = '/bench/static'

const pct = (ratio: number) => `${round(ratio * 100)}%`
const ms = (value: number) => `${round(value)} ms`
/** The term page's req/s from \`next start\` on the landed main when the light-page issue was filed. */
const TERM_REQ_PER_SEC_AT_FILING = 341

const count = (value: number) => Math.round(value).toLocaleString('en-US')
const kb = (bytes: number) => `${round(bytes / 1000)} kB`
const terms = (n: number) => `${count(n)} terms`
const seconds = (value: number | null) => (value === null ? 'never' : `${round(value / 1000)} s`)

/** The row readers waited longest for through the proxy (one that never showed counts as longest). */
const slowestRow = (rows: PublishRowResult[]) =>
  [...rows].sort((a, b) => (b.proxyVisibleMs ?? Number.MAX_VALUE) - (a.proxyVisibleMs ?? Number.MAX_VALUE))[0]

/** The targets of the benchmark issue, each with what was measured and whether it was met. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): TargetResult[] {
  const targets: TargetResult[] = []
  const {throughput, sizes} = results

  const {term, bare, proxy, nginxStatic} = throughput.targets
  const loadNote = (...runs: LoadResult[]) => {
    const errors = runs.reduce((sum, run) => sum + run.errors, 0)
    return errors ? ` — ${count(errors)} failed requests, not trusted` : ''
  }
  targets.push({
    id: 'term-vs-bare',
    target: 'Term page from `next start`: ≥ 95% of the bare Next.js page’s req/s',
    measured:
      `${pct(throughput.ratios.termVsBare)} (${count(term.reqPerSec)} vs ${count(bare.reqPerSec)} req/s)${loadNote(term, bare)}` +
      `; ${pct(throughput.ratios.termVsBareDynamic)} of the bare page in a dynamic route (${count(throughput.targets.bareDynamic.reqPerSec)} req/s)`,
    pass: loadNote(term, bare) ? null : throughput.ratios.termVsBare >= 0.95,
  })
  targets.push({
    id: 'term-throughput',
    target: `Term page from \`next start\`: ≥ 1.6 × ${TERM_REQ_PER_SEC_AT_FILING} req/s, its figure when the light-page issue was filed`,
    measured: `${count(term.reqPerSec)} req/s, ${round(term.reqPerSec / TERM_REQ_PER_SEC_AT_FILING)}×${loadNote(term)}`,
    pass: loadNote(term) ? null : term.reqPerSec >= 1.6 * TERM_REQ_PER_SEC_AT_FILING,
  })
  targets.push({
    id: 'proxy-vs-nginx',
    target: 'Term page through the shipped proxy cache: ≥ 90% of nginx serving the file',
    measured: `${pct(throughput.ratios.proxyVsNginxStatic)} (${count(proxy.reqPerSec)} vs ${count(nginxStatic.reqPerSec)} req/s)${loadNote(proxy, nginxStatic)}`,
    pass: loadNote(proxy, nginxStatic) ? null : throughput.ratios.proxyVsNginxStatic >= 0.9,
  })
  const {revalidation} = results
  targets.push({
    id: 'revalidation',
    target: 'A published change is visible through the proxy within the revalidation window',
    measured:
      revalidation.status === 'ok'
        ? `${round(revalidation.proxyVisibleMs / 1000)} s through the proxy, ${round(revalidation.originVisibleMs / 1000)} s from Next (window ${revalidation.windowS} s)`
        : revalidation.reason,
    pass: revalidation.status === 'ok' ? revalidation.pass : null,
  })

  const {publishing} = results
  const slowest = publishing.status === 'ok' ? slowestRow(publishing.rows) : undefined
  targets.push({
    id: 'publishing',
    target:
      'A publish shows on every page of each publish-matrix row through the proxy < 5 s after the webhook',
    measured:
      publishing.status === 'ok'
        ? `slowest row: ${slowest!.name}, ${seconds(slowest!.proxyVisibleMs)} through the proxy (${seconds(slowest!.originVisibleMs)} from Next)`
        : publishing.reason,
    pass: publishing.status === 'ok' ? publishing.pass : null,
  })

  const cold = results.coldRender.find((entry) => entry.terms === sizes.large)
  targets.push({
    id: 'cold-render',
    target: `Cold render p50 at ${terms(sizes.large)} ≤ 1.3 × the bare page of the same size rendered on demand`,
    measured: cold
      ? `${ms(cold.p50Ms)} (p99 ${ms(cold.p99Ms)}, ${cold.measured} of ${cold.requested} terms${cold.budgetHit ? ', time budget hit' : ''})` +
        (cold.floor
          ? `; the bare page of ${count(cold.floor.bytes)} bytes rendered on demand: ${ms(cold.floor.p50Ms)}`
          : '')
      : 'not measured',
    pass: cold && cold.measured > 0 && cold.floor ? cold.p50Ms <= 1.3 * cold.floor.p50Ms : null,
  })
  const {search} = results
  targets.push({
    id: 'search',
    target: `Search p95 < 30 ms at ${terms(sizes.large)}`,
    measured:
      search.status === 'ok'
        ? `${ms(search.p95Ms)} (p50 ${ms(search.p50Ms)}, ${count(search.requests)} requests${search.non200 ? `, ${search.non200} not 200` : ''})`
        : search.reason,
    pass: search.status === 'ok' ? search.p95Ms < 30 && search.non200 === 0 : null,
  })

  const weightOf = (route: string) => results.weight.firstLoadJs.find((entry) => entry.route === route)
  const termJs = weightOf(TERM_ROUTE)
  const bareJs = weightOf(BARE_ROUTE)
  targets.push({
    id: 'first-load-js',
    target: 'Term page first-load JS ≤ the bare page’s + 10 kB (gzip)',
    measured:
      termJs && bareJs
        ? `+${kb(termJs.jsGzipBytes - bareJs.jsGzipBytes)} (${kb(termJs.jsGzipBytes)} vs ${kb(bareJs.jsGzipBytes)})`
        : 'route missing from the build stats',
    pass: termJs && bareJs ? termJs.jsGzipBytes - bareJs.jsGzipBytes <= 10_000 : null,
  })

  const {lighthouse} = results
  if (lighthouse.status === 'ok') {
    const page = (name: string) => lighthouse.pages.find((entry) => entry.name === name)
    const content = ['term', 'index'].map(page).filter((entry) => entry !== undefined)
    const barePage = page('bare')
    targets.push({
      id: 'lighthouse-quality',
      target: 'Lighthouse Accessibility, Best Practices and SEO = 100 on the term page and /glossary',
      measured: content
        .map(
          (entry) =>
            `${entry.path} ${entry.median.accessibility}/${entry.median.bestPractices}/${entry.median.seo}`,
        )
        .join(', '),
      pass: content.every(
        (entry) =>
          entry.median.accessibility === 100 &&
          entry.median.bestPractices === 100 &&
          entry.median.seo === 100,
      ),
    })
    targets.push({
      id: 'lighthouse-performance',
      target: `Lighthouse mobile, median of ${lighthouse.runsPerPage} alternating with the bare page of the same size: Performance of the term page and /glossary ≥ the bare page’s and ≥ 90, LCP within 10% of the bare page’s, TBT within 100 ms of it`,
      measured: [...content, ...(barePage ? [barePage] : [])]
        .map(
          (entry) =>
            `${entry.path} ${entry.median.performance} (LCP ${ms(entry.median.lcpMs)}, TBT ${ms(entry.median.tbtMs)})`,
        )
        .join(', '),
      pass: barePage
        ? content.every(
            ({median}) =>
              median.performance >= Math.max(90, barePage.median.performance) &&
              median.lcpMs <= 1.1 * barePage.median.lcpMs &&
              median.tbtMs <= barePage.median.tbtMs + 100,
          )
        : null,
    })
  } else {
    for (const id of ['lighthouse-quality', 'lighthouse-performance']) {
      targets.push({id, target: `Lighthouse (${id.split('-')[1]})`, measured: lighthouse.reason, pass: null})
    }
  }

  const {pglite, postgres} = results.feedback
  const voteRate = (name: string, result: typeof pglite) =>
    result.status === 'ok'
      ? `${name} ${count(result.votesPerSec)} votes/s (p99 ${ms(result.p99Ms)})` +
        (result.routeFloorPerSec === undefined
          ? ''
          : `, ${pct(result.votesPerSec / result.routeFloorPerSec)} of its floor (${count(result.routeFloorPerSec)}/s)`)
      : `${name}: ${result.reason}`
  const atFloor = (result: typeof pglite) =>
    result.status === 'ok' && result.routeFloorPerSec !== undefined
      ? result.votesPerSec >= 0.8 * result.routeFloorPerSec
      : null
  targets.push({
    id: 'feedback-rate',
    target:
      'Votes accepted per second ≥ 0.8 × the route’s own floor (the same posts for a term that does not exist: read, validated, answered without a database), on PGlite and on PostgreSQL',
    measured: `${voteRate('PGlite', pglite)}; ${voteRate('PostgreSQL', postgres)}`,
    // Unknown until both stores are measured.
    pass:
      atFloor(pglite) === false || atFloor(postgres) === false ? false : atFloor(pglite) && atFloor(postgres),
  })
  const stores = [
    ['PGlite', pglite],
    ['PostgreSQL', postgres],
  ] as const
  const storeChecks = stores.filter(([, result]) => result.status === 'ok')
  targets.push({
    id: 'feedback-stored',
    target: 'Feedback: every accepted vote stored (stored = 2xx answers)',
    measured: storeChecks.length
      ? storeChecks
          .map(([name, result]) =>
            result.status === 'ok'
              ? `${name} ${result.stored === null ? `unknown (${result.storedNote})` : count(result.stored)} stored of ${count(result.accepted)} accepted`
              : '',
          )
          .join('; ')
      : pglite.status === 'ok'
        ? ''
        : pglite.reason,
    pass: storeChecks.length
      ? storeChecks.every(([, result]) => result.status === 'ok' && result.stored !== null)
        ? storeChecks.every(([, result]) => result.status === 'ok' && result.stored === result.accepted)
        : null
      : null,
  })

  const small = results.builds.find((build) => build.terms === sizes.small)
  const large = results.builds.find((build) => build.terms === sizes.large)
  const timed = small?.wallS != null && large?.wallS != null
  targets.push({
    id: 'build-scaling',
    target: `Build at ${terms(sizes.large)} ≤ 1.5 × the build at ${terms(sizes.small)}`,
    measured: timed
      ? `${round(large.wallS! / small.wallS!)}× (${round(large.wallS!)} s vs ${round(small.wallS!)} s)`
      : 'not timed (builds reused)',
    pass: timed ? large.wallS! <= 1.5 * small.wallS! : null,
  })
  const {hostile} = results
  if (hostile?.status === 'ok') {
    const {invented, stuffing, summary} = hostile
    targets.push({
      id: 'invented-urls',
      target: `${count(invented.urls)} invented URLs on every dynamic route: each a 404 with a body, < 1 MB more on disk, < 50 MB more memory`,
      measured: `${count(invented.notFound)} × 404, ${count(invented.withBody)} with a body; build folder +${kb(invented.buildFolderBytes)}, memory ${invented.memoryBytes >= 0 ? '+' : ''}${round(invented.memoryBytes / 2 ** 20)} MiB`,
      pass:
        invented.notFound === invented.urls &&
        invented.withBody === invented.urls &&
        invented.buildFolderBytes < 1e6 &&
        invented.memoryBytes < 50 * 2 ** 20,
    })
    targets.push({
      id: 'vote-stuffing',
      target: `${count(stuffing.votes)} votes for one term from one address under ${count(stuffing.votes)} User-Agents store at most the budget (${stuffing.budget} a minute)`,
      measured:
        `${count(stuffing.stored)} stored` +
        (stuffing.minutes > 1 ? `, the burst touching ${stuffing.minutes} clock minutes` : ''),
      pass: stuffing.stored <= stuffing.budget * stuffing.minutes,
    })
    targets.push({
      id: 'summary-at-scale',
      target: `Summary over ${count(summary.votes)} votes < 100 ms p95; a cached page's p99 during 20 parallel summary calls ≤ 2 × idle`,
      measured:
        `p95 ${ms(summary.p95Ms)} (p50 ${ms(summary.p50Ms)}); page p99 ${ms(summary.pageBusyP99Ms)} vs ${ms(summary.pageIdleP99Ms)} idle, beside ${count(summary.summaryCallsDuringLoad)} summaries` +
        (summary.pageLoad ? loadNote(summary.pageLoad.idle, summary.pageLoad.busy) : ''),
      pass:
        summary.pageLoad && loadNote(summary.pageLoad.idle, summary.pageLoad.busy)
          ? null
          : summary.p95Ms < 100 && summary.pageBusyP99Ms <= 2 * summary.pageIdleP99Ms,
    })
  }
  const {startUp, tracing} = results
  if (startUp?.status === 'ok') {
    const bare = median(startUp.bareMs)
    const embedded = median(startUp.embeddedMs)
    const large = median(startUp.largeMs)
    targets.push({
      id: 'start-up',
      target: `Start to first term page (median of ${startUp.restarts}, alternating with a bare Next.js page of the same size): ≤ 1.5 × bare on the embedded dataset, ≤ 2 × at ${terms(startUp.terms)}`,
      measured: `${round(embedded / bare)}× (${ms(embedded)}) and ${round(large / bare)}× (${ms(large)}) vs ${ms(bare)} bare`,
      pass: embedded <= 1.5 * bare && large <= 2 * bare,
    })
  }
  if (tracing?.status === 'ok') {
    const {off, on} = tracing
    targets.push({
      id: 'tracing-off',
      // Tracing off must cost nothing: its server (new, settled) no slower than the throughput
      // phase's (which has served every term and holds them), within 10%.
      target: 'Term page with tracing off: at least the throughput phase’s req/s, within 10%',
      measured: `${count(off.reqPerSec)} vs ${count(term.reqPerSec)} req/s (tracing on: ${count(on.reqPerSec)}, ${pct(on.reqPerSec / off.reqPerSec)} of off)${loadNote(off, on, term)}`,
      pass: loadNote(off, on, term) ? null : off.reqPerSec >= 0.9 * term.reqPerSec,
    })
  }
  const {weight} = results
  targets.push({
    id: 'page-weight',
    target: 'The Backlink page’s document ≤ 64 kB uncompressed, every part of the page kept',
    measured: `${count(weight.backlinkHtmlBytes)} bytes`,
    pass: weight.backlinkHtmlBytes <= 64_000,
  })
  const {rss} = weight
  targets.push({
    id: 'memory-after-serving',
    target: `Resident memory after serving every term once at ${terms(rss.terms)}: ≤ 500 MiB`,
    measured: `${round(rss.bytes / 2 ** 20)} MiB after serving ${count(rss.served)} (${round(rss.startBytes / 2 ** 20)} MiB after start)`,
    pass: rss.served === rss.terms ? rss.bytes <= 500 * 2 ** 20 : null,
  })
  if (results.mode === 'full') {
    targets.push({
      id: 'bench-duration',
      target: 'A full bench run: ≤ 15 min on 2 cores',
      measured: `${round(results.durationS / 60)} min`,
      pass: results.durationS <= 15 * 60,
    })
  }
  return targets
}

const median = (samples: number[]) => percentile(samples, 50)

const verdict = (pass: boolean | null) => (pass === null ? '—' : pass ? 'pass' : '**miss**')

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** The whole report in Markdown: targets first, then every measurement. */
export function renderReport(results: BenchResults): string {
  const parts: string[] = []
  const {machine} = results
  parts.push(
    `Run ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${results.mode === 'quick' ? '**quick smoke run (small sizes, short runs: not representative)**' : 'full run'}, ` +
      `${round(results.durationS / 60)} min · ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB · Node ${machine.node}, Next ${machine.next} · ` +
      Object.entries(machine.tools)
        .map(([tool, version]) => `${tool} ${version}`)
        .join(', '),
  )
  parts.push(
    table(
      ['target', 'measured', 'result'],
      results.targets.map((target) => [target.target, target.measured, verdict(target.pass)]),
    ),
  )

  const {throughput} = results
  const {settings} = throughput
  parts.push(
    `**Throughput** (wrk, ${settings.threads} thread, ${settings.connections} connections, ${settings.seconds} s after ${settings.warmupSeconds} s warm-up; one nginx worker; Node servers are single-threaded)\n\n` +
      table(
        ['server', 'bytes', 'req/s', 'p50', 'p99', 'errors'],
        (Object.values(throughput.targets) as LoadTarget[]).map((target) => [
          target.label,
          count(target.bytes),
          count(target.reqPerSec),
          ms(target.p50Ms),
          ms(target.p99Ms),
          target.errors,
        ]),
      ) +
      `\n\nTerm page vs bare Next.js page ${pct(throughput.ratios.termVsBare)} · vs the bare page in a dynamic route ${pct(throughput.ratios.termVsBareDynamic)} · proxy vs nginx static ${pct(throughput.ratios.proxyVsNginxStatic)} · term page from Next vs nginx static ${pct(throughput.ratios.termVsNginxStatic)}`,
  )

  const renderRows = results.coldRender.map((entry) => [
    terms(entry.terms),
    `${entry.measured} / ${entry.requested}${entry.budgetHit ? ' (time budget)' : ''}`,
    ms(entry.p50Ms),
    ms(entry.p99Ms),
    entry.floor ? ms(entry.floor.p50Ms) : '—',
    entry.floor ? ms(entry.floor.p99Ms) : '—',
    entry.notRendered + (entry.floor?.notRendered ?? 0),
  ])
  parts.push(
    `**Cold render** (first request for a term not prerendered, one at a time; then as many first requests for the bare page of the same size, rendered on demand by the same server)\n\n${table(['dataset', 'terms rendered', 'p50', 'p99', 'bare page p50', 'bare page p99', 'not a fresh render'], renderRows)}`,
  )

  const {publishing} = results
  if (publishing.status === 'ok') {
    parts.push(
      `**When you publish** (the publish matrix at ${terms(results.sizes.large)}: the dataset file changed, the signed webhook sent, the row's pages polled until each shows the change, at most ${publishing.termPagesChecked} of a row's term pages, spread evenly; time from the webhook's answer; the proxy keeps a page fresh for ${publishing.proxyWindowS} s)\n\n` +
        table(
          ['you publish', 'these pages change', 'pages (checked)', 'from Next', 'through the proxy'],
          publishing.rows.map((row) => [
            row.name,
            row.reaches +
              (row.failed.length ? ` — **never showed:** ${row.failed.slice(0, 3).join('; ')}` : ''),
            row.checked === row.pages ? count(row.pages) : `${count(row.pages)} (${count(row.checked)})`,
            seconds(row.originVisibleMs),
            seconds(row.proxyVisibleMs),
          ]),
        ),
    )
  }

  const {twoInstances} = results
  if (twoInstances.status === 'ok') {
    const {publish, settings: load} = twoInstances
    parts.push(
      `**Two instances** (the build at ${terms(results.sizes.large)}, each instance on its own copy, sharing the Next cache on Redis, behind deploy/nginx.conf; wrk as above, ${load.connections} connections, ${load.seconds} s; all on this machine's ${machine.cpus} cores)\n\n` +
        table(
          ['through nginx', 'instances', 'req/s', 'p50', 'p99', 'errors'],
          twoInstances.load.map((entry) => [
            entry.label,
            entry.instances,
            count(entry.reqPerSec),
            ms(entry.p50Ms),
            ms(entry.p99Ms),
            entry.errors,
          ]),
        ) +
        `\n\nA publish (${publish.row}) sent to instance A showed on instance B, on all ${publish.pages} polled pages of its row, ${publish.visibleOnBMs === null ? `**never** (${publish.failed.slice(0, 3).join('; ')})` : `in ${seconds(publish.visibleOnBMs)}`} from the webhook's answer.`,
    )
  } else {
    parts.push(`**Two instances**: ${twoInstances.reason}`)
  }

  const sizes = results.contentQueries.map((entry) => entry.terms)
  const queryNames = results.contentQueries[0]?.queries.map((query) => query.name) ?? []
  parts.push(
    `**Content queries** (groq-js over the embedded dataset, in the benchmark's process; p50 per query)\n\n` +
      table(
        ['query', ...sizes.map(terms)],
        queryNames.map((name) => [
          `\`${name}\``,
          ...results.contentQueries.map((entry) => {
            const cost = entry.queries.find((query) => query.name === name)
            return cost ? ms(cost.p50Ms) : '—'
          }),
        ]),
      ),
  )

  const buildRows = results.builds.map((build) => [
    terms(build.terms),
    build.wallS === null ? (build.note ?? '—') : `${round(build.wallS)} s`,
  ])
  parts.push(
    `**Build** (\`next build\`, wall time, no build cache)\n\n${table(['dataset', 'time'], buildRows)}`,
  )

  const {search} = results
  parts.push(
    search.status === 'ok'
      ? `**Search** (${search.queries} queries from bench/queries.json, ${terms(search.terms)}): p50 ${ms(search.p50Ms)}, p95 ${ms(search.p95Ms)}, p99 ${ms(search.p99Ms)}, first query ${ms(search.firstQueryMs)}${search.budgetHit ? ' (time budget hit)' : ''}`
      : `**Search**: ${search.reason}`,
  )

  const feedbackRows = (
    [
      ['PGlite', results.feedback.pglite],
      ['PostgreSQL', results.feedback.postgres],
    ] as const
  ).map(([name, result]) =>
    result.status === 'ok'
      ? [
          name,
          `${count(result.accepted)} / ${count(result.sent)}${result.budgetHit ? ' (time budget)' : ''}`,
          count(result.votesPerSec),
          ms(result.p50Ms),
          ms(result.p99Ms),
          result.stored === null ? `unknown: ${result.storedNote}` : count(result.stored),
          Object.entries(result.rejected)
            .map(([status, n]) => `${status}: ${n}`)
            .join(', ') || '—',
          result.routeFloorPerSec === undefined ? '—' : count(result.routeFloorPerSec),
        ]
      : [name, result.reason, '', '', '', '', '', ''],
  )
  parts.push(
    `**Feedback writes** (route floor: the same posts for an unknown term, refused before the database)\n\n${table(['store', 'accepted / sent', 'votes/s', 'p50', 'p99', 'stored', 'other answers', 'route floor /s'], feedbackRows)}`,
  )

  const {weight} = results
  parts.push(
    `**Weight**: Backlink page HTML ${count(weight.backlinkHtmlBytes)} bytes · server RSS ${round(weight.rss.bytes / 2 ** 20)} MiB after serving ${count(weight.rss.served)} of ${terms(weight.rss.terms)}${weight.rss.budgetHit ? ' (time budget hit)' : ''} (${round(weight.rss.startBytes / 2 ** 20)} MiB after start)\n\n` +
      table(
        ['route', 'first-load JS (gzip)', 'uncompressed', 'chunks'],
        weight.firstLoadJs.map((entry) => [
          entry.route,
          kb(entry.jsGzipBytes),
          kb(entry.jsBytes),
          entry.chunks,
        ]),
      ),
  )

  const {startUp, tracing} = results
  if (startUp?.status === 'ok') {
    const row = (label: string, samples: number[], ready: number[] = []) => [
      label,
      ms(median(samples)),
      samples.map((value) => round(value)).join(', '),
      ready.length ? ms(median(ready)) : '—',
    ]
    parts.push(
      `**Start-up**: from spawning \`next start\` to the first 200 of ${TERM_PATH_LABEL}, ${startUp.restarts} restarts alternating (term page ${count(startUp.pageBytes.site)} bytes, bare page ${count(startUp.pageBytes.bare)}); "ready" is the site's own log line, from process start\n\n` +
        table(
          ['server', 'median', 'each restart (ms)', 'ready (median)'],
          [
            row('bare Next.js page', startUp.bareMs),
            row('the site, embedded dataset', startUp.embeddedMs, startUp.readyMs.embedded),
            row(`the site, ${terms(startUp.terms)}`, startUp.largeMs, startUp.readyMs.large),
            [
              `the site, ${terms(startUp.terms)}, a file the build never saw (once)`,
              ms(startUp.largeWithoutSnapshotMs),
              '',
              '—',
            ],
          ],
        ),
    )
  } else if (startUp) parts.push(`**Start-up**: ${startUp.reason}`)
  if (tracing?.status === 'ok') {
    const {settings: load} = tracing
    parts.push(
      `**Tracing** (term page from \`next start\`, wrk ${load.connections} connections, ${load.seconds} s; ${tracing.runsReqPerSec ? `the better of two runs each, ordered off, on, on, off (req/s: off ${tracing.runsReqPerSec.off.map(count).join(' and ')}, on ${tracing.runsReqPerSec.on.map(count).join(' and ')})` : 'one run each'}; on: every span exported over OTLP/HTTP, ${count(tracing.exports)} exports, ${round(tracing.exportedBytes / 1e6)} MB)\n\n` +
        table(
          ['tracing', 'req/s', 'p50', 'p99', 'errors'],
          [
            [
              'off',
              count(tracing.off.reqPerSec),
              ms(tracing.off.p50Ms),
              ms(tracing.off.p99Ms),
              tracing.off.errors,
            ],
            [
              'on',
              count(tracing.on.reqPerSec),
              ms(tracing.on.p50Ms),
              ms(tracing.on.p99Ms),
              tracing.on.errors,
            ],
          ],
        ),
    )
  } else if (tracing) parts.push(`**Tracing**: ${tracing.reason}`)

  const {lighthouse} = results
  parts.push(
    lighthouse.status === 'ok'
      ? `**Lighthouse** (mobile, median of ${lighthouse.runsPerPage} run${lighthouse.runsPerPage > 1 ? 's' : ''} by Performance)\n\n` +
          table(
            [
              'page',
              'Performance',
              'Accessibility',
              'Best Practices',
              'SEO',
              'LCP',
              'TBT',
              'CLS',
              'points lost',
            ],
            lighthouse.pages.map(({path, median}) => [
              path,
              median.performance,
              median.accessibility,
              median.bestPractices,
              median.seo,
              ms(median.lcpMs),
              ms(median.tbtMs),
              round(median.cls),
              median.missed.join(', ') || '—',
            ]),
          )
      : `**Lighthouse**: ${lighthouse.reason}`,
  )
  return parts.join('\n\n')
}
