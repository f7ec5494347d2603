import 'server-only'

/** How many bytes of HTML the bare page should weigh: the term page's size, measured by the bench. */
export function benchStaticPageBytes(): number {
  const bytes = Number(process.env.BENCH_STATIC_PAGE_BYTES)
  return Number.isInteger(bytes) && bytes > 0 ? bytes : 50_000
}
