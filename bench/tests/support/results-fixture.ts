import {ROUTE_MISSING, unavailable, type BenchResults} from '@/bench/lib/results'

const load = (reqPerSec: number, label = 'x') => ({
  label,
  url: 'http://127.0.0.1/x',
  bytes: 80_000,
  requests: reqPerSec * 15,
  reqPerSec,
  p50Ms: 10,
  p90Ms: 12,
  p99Ms: 20,
  maxMs: 30,
  errors: 0,
  mbPerSec: 100,
})

const lighthouseScores = (performance: number, seo = 100) => ({
  performance,
  accessibility: 100,
  bestPractices: 100,
  seo,
  lcpMs: 1800,
  tbtMs: 120,
  cls: 0,
  missed: seo < 100 ? ['seo: canonical'] : [],
})

/** A full run’s results, search and the PostgreSQL store not measured, for the target and report tests. */
export function fixture(): Omit<BenchResults, 'targets'> {
  return {
    schema: 1,
    mode: 'full',
    startedAt: '2026-11-24T12:00:00.000Z',
    durationS: 600,
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGiB: 24,
      node: '20.20.2',
      next: '16.4.6',
      tools: {wrk: '4.1.0'},
    },
    sizes: {small: 1000, large: 10000},
    builds: [
      {terms: 1000, wallS: 80},
      {terms: 10000, wallS: 100},
    ],
    coldRender: [
      {
        terms: 10000,
        requested: 200,
        measured: 200,
        p50Ms: 15.6,
        p99Ms: 40,
        notRendered: 0,
        budgetHit: false,
        floor: {bytes: 81_000, measured: 50, p50Ms: 12, p99Ms: 20, notRendered: 0},
      },
    ],
    contentQueries: [
      {terms: 1000, queries: [{name: 'TERM_QUERY', runs: 20, p50Ms: 4.2, maxMs: 9}]},
      {terms: 10000, queries: [{name: 'TERM_QUERY', runs: 20, p50Ms: 41.5, maxMs: 60}]},
    ],
    throughput: {
      settings: {threads: 1, connections: 32, warmupSeconds: 3, seconds: 15},
      targets: {
        term: load(1900),
        bare: load(2000),
        bareDynamic: load(1950),
        ceiling: load(30000),
        nginxStatic: load(36000),
        proxy: load(30000),
      },
      ratios: {
        termVsBare: 0.95,
        termVsBareDynamic: 1900 / 1950,
        proxyVsNginxStatic: 30000 / 36000,
        termVsNginxStatic: 1900 / 36000,
      },
    },
    revalidation: {status: 'ok', windowS: 5, originVisibleMs: 5400, proxyVisibleMs: 5900, pass: true},
    twoInstances: {
      status: 'ok',
      settings: {threads: 1, connections: 32, warmupSeconds: 2, seconds: 10},
      load: [
        {instances: 1, ...load(900, 'term page, not cached by nginx')},
        {instances: 2, ...load(1300, 'term page, not cached by nginx')},
      ],
      publish: {row: 'term title', pages: 52, visibleOnBMs: 1840, failed: []},
    },
    hostile: {
      status: 'ok',
      invented: {
        urls: 10000,
        notFound: 10000,
        withBody: 10000,
        buildFolderBytes: 0,
        memoryBytes: 52 * 2 ** 20,
      },
      stuffing: {votes: 1000, stored: 60, budget: 60, minutes: 1},
      summary: {
        votes: 300000,
        p50Ms: 12,
        p95Ms: 99.9,
        pageIdleP99Ms: 20,
        pageBusyP99Ms: 40,
        summaryCallsDuringLoad: 900,
      },
    },
    publishing: {
      status: 'ok',
      proxyWindowS: 2,
      termPagesChecked: 40,
      targetMs: 5000,
      rows: [
        {
          name: 'term title',
          reaches: 'its page',
          pages: 30,
          checked: 30,
          originVisibleMs: 1200,
          proxyVisibleMs: 3100,
          failed: [],
        },
        {
          name: 'author name',
          reaches: 'their page',
          pages: 3400,
          checked: 44,
          originVisibleMs: 900,
          proxyVisibleMs: 5200,
          failed: [],
        },
        {
          name: 'term deleted',
          reaches: 'gone',
          pages: 9,
          checked: 9,
          originVisibleMs: null,
          proxyVisibleMs: null,
          failed: ['/glossary 404'],
        },
      ],
      pass: false,
    },
    search: unavailable(ROUTE_MISSING),
    feedback: {
      pglite: {
        status: 'ok',
        terms: 10000,
        sent: 5000,
        accepted: 5000,
        rejected: {},
        votesPerSec: 1500,
        p50Ms: 8,
        p99Ms: 30,
        stored: 4999,
        budgetHit: false,
        routeFloorPerSec: 1875,
      },
      postgres: unavailable('skipped: BENCH_DATABASE_URL not set'),
    },
    weight: {
      firstLoadJs: [
        {route: '/bench/static', jsBytes: 460_000, jsGzipBytes: 139_000, chunks: 8},
        {route: '/glossary/[slug]', jsBytes: 480_000, jsGzipBytes: 145_500, chunks: 9},
      ],
      backlinkHtmlBytes: 81_642,
      rss: {terms: 10000, served: 10000, bytes: 600 * 2 ** 20, startBytes: 300 * 2 ** 20, budgetHit: false},
      memoryFloor: {
        status: 'ok',
        pages: 10000,
        served: 10000,
        bytes: 700 * 2 ** 20,
        startBytes: 250 * 2 ** 20,
        budgetHit: false,
      },
    },
    lighthouse: {
      status: 'ok',
      runsPerPage: 3,
      pages: [
        {name: 'term', path: '/glossary/backlink', median: lighthouseScores(90), runs: []},
        {name: 'index', path: '/glossary', median: lighthouseScores(95, 92), runs: []},
        {name: 'bare', path: '/bench/static', median: lighthouseScores(94), runs: []},
      ],
    },
  }
}
