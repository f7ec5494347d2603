/**
 * What the content source costs per query at each size: the site's own GROQ (sanity/queries.ts)
 * run by the embedded-dataset source (groq-js over the file), in this process, one at a time, each
 * run evaluated (not answered from the source's memory of list answers).
 * It explains the cold render: a term page runs TERM_QUERY for its metadata and for its body.
 */
import path from 'node:path'

import {createLocalSource} from '@/lib/content/embedded/local-source'
import {
  TERM_INDEX_QUERY,
  TERM_NAMES_QUERY,
  TERM_QUERY,
  TERM_REVISION_QUERY,
  TERM_SLUGS_QUERY,
} from '@/sanity/queries'
import type {QueryCost} from '@/bench/lib/results'
import {percentile} from '@/bench/lib/stats'

export async function measureContentQueries(
  datasetFile: string,
  sample: {slugs: string[]; ids: string[]},
  listRuns: number,
): Promise<QueryCost[]> {
  const source = createLocalSource(path.resolve(datasetFile))
  await source.warmUp()
  const time = async (name: string, runs: Record<string, unknown>[]): Promise<QueryCost> => {
    const query = {TERM_QUERY, TERM_REVISION_QUERY, TERM_SLUGS_QUERY, TERM_NAMES_QUERY, TERM_INDEX_QUERY}[
      name
    ]!
    const samples: number[] = []
    for (const params of runs) {
      const began = performance.now()
      await source.fetch(query, params, [])
      samples.push(performance.now() - began)
    }
    return {name, runs: samples.length, p50Ms: percentile(samples, 50), maxMs: Math.max(...samples)}
  }
  // The source keeps its answers to queries without parameters; a parameter the query never reads
  // makes each run evaluate the query, which is what a first request after a publish pays.
  const lists = Array.from({length: listRuns}, (_, run) => ({run}))
  return [
    await time(
      'TERM_QUERY',
      sample.slugs.map((slug) => ({slug})),
    ),
    await time(
      'TERM_REVISION_QUERY',
      sample.ids.map((term) => ({term})),
    ),
    await time('TERM_SLUGS_QUERY', lists),
    await time('TERM_NAMES_QUERY', lists),
    await time('TERM_INDEX_QUERY', lists),
  ]
}
