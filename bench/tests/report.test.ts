import {readFileSync} from 'node:fs'

import {renderReport} from '@/bench/lib/report'
import {ROUTE_MISSING, unavailable, type BenchResults} from '@/bench/lib/results'
import {evaluateTargets} from '@/bench/lib/targets'
import {LATEST_RESULTS, REPORT_FILE, reportDocument} from '@/bench/write-report'
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

function fixture(): Omit<BenchResults, 'targets'> {
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

describe('evaluateTargets', () => {
  const targets = Object.fromEntries(evaluateTargets(fixture()).map((target) => [target.id, target]))

  it('passes a target met exactly at its bound', () => {
    expect(targets['term-vs-bare'].pass).toBe(true)
    expect(targets['term-vs-bare'].measured).toBe(
      '95% (1,900 vs 2,000 req/s); 97.4% of the bare page in a dynamic route (1,950 req/s)',
    )
  })

  it('judges each target from its own measurement', () => {
    expect(targets['proxy-vs-nginx'].pass).toBe(false)
    expect(targets['cold-render'].pass).toBe(true)
    expect(targets['first-load-js'].pass).toBe(true)
    expect(targets['first-load-js'].measured).toBe('+6.5 kB (146 kB vs 139 kB)')
    expect(targets['build-scaling'].pass).toBe(true)
    expect(targets['revalidation'].pass).toBe(true)
    // PGlite at 0.8 × its floor exactly, and PostgreSQL not measured: not known yet.
    expect(targets['feedback-rate'].pass).toBe(null)
  })

  it('judges votes against each store’s own floor, on both stores', () => {
    const withPostgres = (votesPerSec: number) => {
      const results = fixture()
      const {pglite} = results.feedback
      if (pglite.status !== 'ok') throw new Error('fixture')
      results.feedback.postgres = {...pglite, votesPerSec, routeFloorPerSec: 1000}
      return evaluateTargets(results).find((entry) => entry.id === 'feedback-rate')!
    }
    expect(withPostgres(800)).toMatchObject({
      pass: true,
      measured:
        'PGlite 1,500 votes/s (p99 30 ms), 80% of its floor (1,875/s); PostgreSQL 800 votes/s (p99 30 ms), 80% of its floor (1,000/s)',
    })
    expect(withPostgres(799).pass).toBe(false)
  })

  it('judges the hostile-traffic figures against their bounds', () => {
    expect(targets['invented-urls']).toMatchObject({
      pass: false,
      measured: '10,000 × 404, 10,000 with a body; build folder +0 kB, memory +52 MiB',
    })
    expect(targets['vote-stuffing']).toMatchObject({pass: true, measured: '60 stored'})
    expect(targets['summary-at-scale']).toMatchObject({
      pass: true,
      measured: 'p95 99.9 ms (p50 12 ms); page p99 40 ms vs 20 ms idle, beside 900 summaries',
    })
  })

  it('judges the light-page targets: weight, memory, throughput and the run’s length', () => {
    expect(targets['page-weight']).toMatchObject({pass: false, measured: '81,642 bytes'})
    expect(targets['memory-after-serving']).toMatchObject({
      pass: false,
      measured: '600 MiB after serving 10,000 (300 MiB after start)',
    })
    expect(targets['term-throughput']).toMatchObject({pass: true, measured: '1,900 req/s, 5.57×'})
    expect(targets['bench-duration']).toMatchObject({pass: true, measured: '10 min'})
  })

  it('misses Lighthouse when the LCP is more than 10% over the bare page’s, whatever the score', () => {
    const results = fixture()
    if (results.lighthouse.status !== 'ok') throw new Error('fixture')
    for (const page of results.lighthouse.pages) {
      page.median = {...page.median, performance: page.name === 'bare' ? 90 : 95}
      if (page.name !== 'bare') page.median.lcpMs = 1981
    }
    expect(evaluateTargets(results).find((entry) => entry.id === 'lighthouse-performance')?.pass).toBe(false)
    for (const page of results.lighthouse.pages) if (page.name !== 'bare') page.median.lcpMs = 1980
    expect(evaluateTargets(results).find((entry) => entry.id === 'lighthouse-performance')?.pass).toBe(true)
  })

  it('misses the stored-votes check when one accepted vote is not in the summary', () => {
    expect(targets['feedback-stored'].pass).toBe(false)
    expect(targets['feedback-stored'].measured).toBe('PGlite 4,999 stored of 5,000 accepted')
  })

  it('compares Lighthouse scores page by page with the bare page', () => {
    expect(targets['lighthouse-performance'].pass).toBe(false)
    expect(targets['lighthouse-performance'].measured).toBe(
      '/glossary/backlink 90 (LCP 1800 ms, TBT 120 ms), /glossary 95 (LCP 1800 ms, TBT 120 ms), /bench/static 94 (LCP 1800 ms, TBT 120 ms)',
    )
    expect(targets['lighthouse-quality'].pass).toBe(false)
  })

  it('names the publish-matrix row readers waited longest for, one that never showed first', () => {
    expect(targets['publishing']).toMatchObject({
      measured: 'slowest row: term deleted, never through the proxy (never from Next)',
      pass: false,
    })
    const results = fixture()
    if (results.publishing.status !== 'ok') throw new Error('fixture')
    results.publishing.rows = results.publishing.rows.slice(0, 2)
    expect(evaluateTargets(results).find((entry) => entry.id === 'publishing')?.measured).toBe(
      'slowest row: author name, 5.2 s through the proxy (0.9 s from Next)',
    )
  })

  it('reports a missing route as not available, neither pass nor miss', () => {
    expect(targets['search']).toMatchObject({measured: 'not available (route missing)', pass: null})
  })

  it('does not trust a load run that had failed requests', () => {
    const results = fixture()
    results.throughput.targets.term = {...results.throughput.targets.term, errors: 12}
    const target = evaluateTargets(results).find((entry) => entry.id === 'term-vs-bare')!
    expect(target.pass).toBeNull()
    expect(target.measured).toMatch(/12 failed requests, not trusted/)
  })

  it('does not judge build scaling when the builds were reused', () => {
    const results = fixture()
    results.builds = [
      {terms: 1000, wallS: null, note: 'reused'},
      {terms: 10000, wallS: 100},
    ]
    expect(evaluateTargets(results).find((entry) => entry.id === 'build-scaling')?.pass).toBeNull()
  })
})

describe('renderReport', () => {
  const partial = fixture()
  const report = renderReport({...partial, targets: evaluateTargets(partial)})

  it('puts every target in a table with its verdict', () => {
    expect(report).toContain(
      '| Term page from `next start`: ≥ 95% of the bare Next.js page’s req/s | 95% (1,900 vs 2,000 req/s); 97.4% of the bare page in a dynamic route (1,950 req/s) | pass |',
    )
    expect(report).toMatch(/\| Search p95 < 30 ms at 10,000 terms \| not available \(route missing\) \| — \|/)
    expect(report).toContain('**miss**')
  })

  it('lists each server’s throughput and the points Lighthouse took off', () => {
    expect(report).toContain('| x | 80,000 | 36,000 | 10 ms | 20 ms | 0 |')
    expect(report).toContain('seo: canonical')
    expect(report).toContain('**Search**: not available (route missing)')
    expect(report).toContain('| `TERM_QUERY` | 4.2 ms | 41.5 ms |')
  })

  it('tables what each publish changes and how long it took, with the pages that never showed it', () => {
    expect(report).toContain('| term title | its page | 30 | 1.2 s | 3.1 s |')
    expect(report).toContain('| term deleted | gone — **never showed:** /glossary 404 | 9 | never | never |')
    expect(report).toContain('| author name | their page | 3,400 (44) | 0.9 s | 5.2 s |')
  })
})

describe('the two-instance section', () => {
  it('tables throughput through nginx with one and two instances, and the time a publish on A took to show on B', () => {
    const report = renderReport({...fixture(), targets: []})
    expect(report).toContain('| term page, not cached by nginx | 1 | 900 |')
    expect(report).toContain('| term page, not cached by nginx | 2 | 1,300 |')
    expect(report).toContain('showed on instance B, on all 52 polled pages of its row, in 1.84 s')
  })

  it('says why it was not measured', () => {
    const report = renderReport({
      ...fixture(),
      twoInstances: unavailable('failed: no redis-server'),
      targets: [],
    })
    expect(report).toContain('**Two instances**: failed: no redis-server')
  })
})

describe('the generated results file', () => {
  it('is the report under a title, saying it is generated and where the explanations are', () => {
    const results = {...fixture(), targets: []}
    const document = reportDocument(results)
    expect(document.startsWith('# Benchmark results\n')).toBe(true)
    expect(document).toContain('Generated by `npm run bench`')
    expect(document).toContain('[performance.md](performance.md)')
    expect(document).toContain(renderReport(results).trim())
  })

  it('is the one in docs/, made from the stored results', () => {
    const stored = JSON.parse(readFileSync(LATEST_RESULTS, 'utf8')) as BenchResults
    expect(readFileSync(REPORT_FILE, 'utf8')).toBe(reportDocument(stored))
  })
})
