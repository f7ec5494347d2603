import type {NextConfig} from 'next'

import {securityHeaders} from './lib/security-headers'

const nextConfig: NextConfig = {
  // A second build (the Sanity-mode fixture the browser suite runs against) goes to its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  headers: async () => securityHeaders(),
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  images: {
    remotePatterns: [{protocol: 'https', hostname: 'cdn.sanity.io'}],
  },
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
    // Writing Turbopack's build cache costs CI more time than it saves on a fresh clone.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
}

export default nextConfig
