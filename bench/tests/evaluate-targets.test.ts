import {unavailable} from '@/bench/lib/results'
import {evaluateTargets} from '@/bench/lib/targets'

import {fixture} from '@/bench/tests/support/results-fixture'

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

  it('gives the memory target without the bare-page floor of a run that did not measure it, and says why it failed', () => {
    const measuredWith = (memoryFloor: ReturnType<typeof fixture>['weight']['memoryFloor']) => {
      const results = fixture()
      const judged = evaluateTargets({...results, weight: {...results.weight, memoryFloor}})
      return judged.find((target) => target.id === 'memory-after-serving')!.measured
    }
    expect(measuredWith(undefined)).toBe('600 MiB after serving 10,000 (300 MiB after start)')
    expect(measuredWith(unavailable('failed: next start exited'))).toBe(
      '600 MiB after serving 10,000 (300 MiB after start); the bare-page floor: failed: next start exited',
    )
  })

  it('judges the light-page targets: weight, memory, throughput and the run’s length', () => {
    expect(targets['page-weight']).toMatchObject({pass: false, measured: '81,642 bytes'})
    expect(targets['memory-after-serving']).toMatchObject({
      pass: false,
      measured:
        '600 MiB after serving 10,000 (300 MiB after start); the bare page of the same size rendered on demand 10,000 times on a server of its own: 700 MiB',
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
