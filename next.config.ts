import path from 'node:path'

import type {NextConfig} from 'next'

import {sharedCacheUrl} from './lib/cache/redis-url.mjs'
import {securityHeaders} from './lib/site/security-headers'

// Extra builds (the browser suite's Sanity-mode fixture, the benchmark's dataset sizes) go to their
// own folders, leaving `.next` to the developer. tsconfig.json already includes the fixture's
// generated types, so its build leaves tsconfig.json as it is.
const distDir = process.env.NEXT_DIST_DIR || '.next'

// With REDIS_URL every instance reads and writes one shared cache (docs/architecture.md "Several
// instances"); without it, Next's own cache on this instance's disk and in its memory. Read when
// the server starts, so one build runs either way.
const sharedCache = sharedCacheUrl()

const nextConfig: NextConfig = {
  distDir,
  poweredByHeader: false,
  cacheHandler: sharedCache ? path.resolve('lib/cache/shared-cache-handler.mjs') : undefined,
  // An instance's own memory copy of a page would outlive a publish on another instance.
  cacheMaxMemorySize: sharedCache ? 0 : undefined,
  headers: async () => securityHeaders(),
  // PGlite loads its WebAssembly and data files from its own package folder at run time;
  // prom-client keeps one registry per copy, and the cache handler loads it unbundled; undici
  // (the Content Lake's connection timeout) is large and needed only with a Sanity project.
  serverExternalPackages: ['@electric-sql/pglite', 'prom-client', 'undici'],
  async rewrites() {
    return {
      // /glossary stays a static page; a search or filters (`?q=`, `?category=`, `?difficulty=`)
      // need a render per request, so those requests go to a dynamic page with the same content.
      beforeFiles: ['q', 'category', 'difficulty'].map((key) => ({
        source: '/glossary',
        has: [{type: 'query' as const, key}],
        destination: '/glossary-search',
      })),
      // A term's Markdown sits beside its page; `[slug]` is a page, so a route handler serves it.
      afterFiles: [{source: '/glossary/:slug.md', destination: '/api/markdown/:slug'}],
    }
  },
  experimental: {
    // Two root layouts (site and Studio) need one 404 page for URLs that match neither.
    globalNotFound: true,
    // Next loads every route's code at start by default; a new instance's first reader waits behind
    // that (~300 ms here). Each route's code loads on its first request instead.
    preloadEntriesOnStart: false,
    // Writing Turbopack's build cache costs CI more time than it saves on a fresh clone.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
}

export default nextConfig
