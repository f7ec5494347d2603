/** The parts of Next's routes-manifest.json (written by `next build`) that name the site's routes. */
export type RoutesManifest = {
  staticRoutes: {page: string; regex: string}[]
  dynamicRoutes: {page: string; regex: string}[]
  rewrites?: {afterFiles?: {source: string; regex: string}[]} | unknown[]
}

/** What a path matches when no route does: one label for all of them, however many are invented. */
export const UNMATCHED = 'unmatched'

/**
 * Maps a request's path to the pattern of the route that serves it (`/glossary/[slug]`), the way
 * Next matches them: pages without parameters, then rewrites (`/glossary/:slug.md`), then dynamic
 * routes. Built assets share one label each. A metric label from this takes a bounded set of values.
 */
export function routePatterns(manifest: RoutesManifest): (path: string) => string {
  const exact = new Set(manifest.staticRoutes.map((route) => route.page))
  const afterFiles = Array.isArray(manifest.rewrites) ? [] : (manifest.rewrites?.afterFiles ?? [])
  const patterns = [
    ...afterFiles.map((rewrite) => ({label: rewrite.source, regex: new RegExp(rewrite.regex)})),
    ...manifest.dynamicRoutes.map((route) => ({label: route.page, regex: new RegExp(route.regex)})),
  ]
  return (path) => {
    const pathname = path.split('?', 1)[0] || '/'
    if (pathname.startsWith('/_next/static/')) return '/_next/static'
    if (pathname === '/_next/image') return '/_next/image'
    const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname
    if (exact.has(trimmed)) return trimmed
    return patterns.find((pattern) => pattern.regex.test(pathname))?.label ?? UNMATCHED
  }
}
