import 'server-only'

/** The benchmark's pages answer only in a build made with BENCH_PAGES=1 (bench/run.ts sets it). */
export const benchPagesEnabled = () => process.env.BENCH_PAGES === '1'

/** How many bytes of HTML the bare page should weigh: the term page's size, measured by the bench. */
export function benchStaticPageBytes(): number {
  const bytes = Number(process.env.BENCH_STATIC_PAGE_BYTES)
  return Number.isInteger(bytes) && bytes > 0 ? bytes : 50_000
}
