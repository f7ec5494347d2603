/**
 * Search latency: the fixed queries of bench/queries.json (title hits, alias hits, prefixes,
 * misses) against GET /api/search?q=…, one at a time, for a few rounds.
 */
import {readFile} from 'node:fs/promises'

import {get} from '@/bench/lib/http'
import {ROUTE_MISSING, unavailable, type Measured, type SearchResult} from '@/bench/lib/results'
import {percentile} from '@/bench/lib/stats'

export const QUERIES_FILE = 'bench/queries.json'

export type QueryKind = 'title' | 'alias' | 'prefix' | 'miss'
export type BenchQuery = {q: string; kind: QueryKind}

export async function readQueries(): Promise<BenchQuery[]> {
  return JSON.parse(await readFile(QUERIES_FILE, 'utf8')) as BenchQuery[]
}

const searchUrl = (appUrl: string, q: string) => `${appUrl}/api/search?q=${encodeURIComponent(q)}`

export async function measureSearch(
  appUrl: string,
  terms: number,
  rounds: number,
  budgetS: number,
): Promise<Measured<SearchResult>> {
  const queries = await readQueries()
  const probe = await get(searchUrl(appUrl, queries[0].q))
  if (probe.status === 404) return unavailable(ROUTE_MISSING)
  const deadline = performance.now() + budgetS * 1000
  const samples: number[] = []
  let non200 = 0
  let requests = 0
  let budgetHit = false
  for (let round = 0; round < rounds && !budgetHit; round++) {
    for (const {q} of queries) {
      if (performance.now() > deadline) {
        budgetHit = true
        break
      }
      const response = await get(searchUrl(appUrl, q))
      requests++
      if (response.status !== 200) non200++
      samples.push(response.ms)
    }
  }
  return {
    status: 'ok',
    terms,
    queries: queries.length,
    requests,
    firstQueryMs: probe.ms,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
    non200,
    budgetHit,
  }
}
