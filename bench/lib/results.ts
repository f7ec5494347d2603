/**
 * The shape of bench/results/latest.json. The targets judged against it are in targets.ts, the
 * Markdown report printed at the end of a run (and kept in docs/benchmark-results.md) in report.ts.
 */
import type {RouteWeight} from './bundle-stats'
import type {LighthouseScores} from './lighthouse'
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

/** The unlinked-mention finder over one long guide, against every term of the large dataset. */
export type MentionFinderResult = {
  terms: number
  characters: number
  runs: number
  mentions: number
  /** Making the finder for the terms, once. */
  prepareMs: number
  p50Ms: number
  maxMs: number
}

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
  /** Absent from runs before the editorial-loop issue. */
  mentionFinder?: MentionFinderResult
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
    /** The same for as many bare pages on a server of its own; absent from runs before it was measured. */
    memoryFloor?: Measured<MemoryFloorResult>
  }
  lighthouse: Measured<{runsPerPage: number; pages: LighthousePage[]}>
  targets: TargetResult[]
}

/** Resident memory of a server that rendered `pages` bare pages on demand, after start and after. */
export type MemoryFloorResult = {
  pages: number
  served: number
  bytes: number
  startBytes: number
  budgetHit: boolean
}

export type TargetResult = {id: string; target: string; measured: string; pass: boolean | null}
