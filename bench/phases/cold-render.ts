/**
 * Cold render: the first request for a term page that was not prerendered, one at a time, so
 * each sample is Next rendering the page (x-nextjs-cache: MISS) with nothing else running.
 * And the crawl that serves every remaining term once, before the server's memory is read, and
 * the same number of bare pages on a server of their own: the framework's memory for that work.
 */
import type {SanityDocument} from '@/lib/content/dataset'
import {termPath} from '@/lib/site/urls'
import {get} from '@/bench/lib/http'
import type {ColdRenderResult} from '@/bench/lib/results'
import {percentile} from '@/bench/lib/stats'

/** generateStaticParams in app/(site)/glossary/[slug]/page.tsx prerenders this many terms. */
export const PRERENDERED_TERMS = 200

const slugOf = (doc: SanityDocument) => (doc.slug as {current: string}).current

/**
 * Term slugs, most recently updated first: the order the build prerenders them in
 * (TERM_SLUGS_QUERY orders by `updated`).
 */
export function termSlugsByUpdated(documents: SanityDocument[]): string[] {
  return documents
    .filter((doc) => doc._type === 'term')
    .sort((a, b) => String(b.updated).localeCompare(String(a.updated)))
    .map(slugOf)
}

/**
 * The `count` least recently updated terms (plus one to warm the route up), far from the
 * prerendered ones; fails when the dataset has too few terms that were not prerendered.
 */
export function coldRenderSlugs(
  documents: SanityDocument[],
  count: number,
): {warmUp: string; measured: string[]} {
  const slugs = termSlugsByUpdated(documents)
  const notPrerendered = slugs.slice(PRERENDERED_TERMS)
  if (notPrerendered.length < count + 1) {
    throw new Error(
      `Cold render needs ${count + 1} terms that are not prerendered; the dataset has ${notPrerendered.length}.`,
    )
  }
  const oldest = notPrerendered.slice(-(count + 1))
  return {warmUp: oldest[0], measured: oldest.slice(1)}
}

/** Requests each URL once, one at a time, until the budget runs out: Next renders each for that request. */
async function firstRenders(urls: string[], budgetS: number) {
  const deadline = performance.now() + budgetS * 1000
  const samples: number[] = []
  const failed: string[] = []
  let notRendered = 0
  let bytes = 0
  for (const url of urls) {
    if (performance.now() > deadline) break
    const response = await get(url)
    if (response.status !== 200) {
      failed.push(`${url}: ${response.status}`)
      continue
    }
    if (response.headers['x-nextjs-cache'] !== 'MISS') notRendered++
    samples.push(response.ms)
    bytes = response.body.length
  }
  return {samples, failed, notRendered, bytes, budgetHit: samples.length + failed.length < urls.length}
}

/** The bare page of the term page's size, rendered on demand (bench/floor-pages/bench/cold/[n]). */
export const coldFloorPath = (n: number) => `/bench/cold/${n}`

/**
 * First renders of terms that were not prerendered, and as many first renders of the bare page
 * (the framework's floor for the same work), on the same server one after the other.
 */
export async function measureColdRender(
  appUrl: string,
  terms: number,
  slugs: {warmUp: string; measured: string[]},
  budgetS: number,
): Promise<ColdRenderResult & {failed: string[]}> {
  await get(`${appUrl}${termPath(slugs.warmUp)}`)
  const term = await firstRenders(
    slugs.measured.map((slug) => `${appUrl}${termPath(slug)}`),
    budgetS,
  )
  await get(`${appUrl}${coldFloorPath(0)}`)
  const floor = await firstRenders(
    slugs.measured.map((_, index) => `${appUrl}${coldFloorPath(index + 1)}`),
    budgetS,
  )
  return {
    terms,
    requested: slugs.measured.length,
    measured: term.samples.length,
    p50Ms: percentile(term.samples, 50),
    p99Ms: percentile(term.samples, 99),
    notRendered: term.notRendered,
    budgetHit: term.budgetHit,
    floor: {
      measured: floor.samples.length,
      p50Ms: percentile(floor.samples, 50),
      p99Ms: percentile(floor.samples, 99),
      notRendered: floor.notRendered,
      bytes: floor.bytes,
    },
    failed: [...term.failed, ...floor.failed],
  }
}

/** Requests each path once, two at a time (one rendering while the other's bytes travel). */
export async function crawl(appUrl: string, paths: string[], budgetS: number) {
  const deadline = performance.now() + budgetS * 1000
  let next = 0
  let served = 0
  const failed: string[] = []
  const worker = async () => {
    while (next < paths.length && performance.now() < deadline) {
      const pagePath = paths[next++]
      const response = await get(`${appUrl}${pagePath}`)
      if (response.status === 200) served++
      else failed.push(`${pagePath}: ${response.status}`)
    }
  }
  await Promise.all([worker(), worker()])
  return {served, failed, budgetHit: next < paths.length}
}

/**
 * Far past the bare pages the cold render asks for, so each of the memory floor's requests is a
 * first render even on a build an earlier phase served.
 */
const MEMORY_FLOOR_FIRST_PAGE = 100_000

/**
 * The memory floor's pages: `count` different bare pages of the term page's size, each rendered on
 * demand and cached, as serving every term once does with term pages.
 */
export const memoryFloorPaths = (count: number) =>
  Array.from({length: count}, (_, index) => coldFloorPath(MEMORY_FLOOR_FIRST_PAGE + index))
