import type {NextConfig} from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  images: {
    remotePatterns: [{protocol: 'https', hostname: 'cdn.sanity.io'}],
  },
  // A term's Markdown rendition sits beside its page; `[slug]` is a page, so a route handler serves it.
  async rewrites() {
    return [{source: '/glossary/:slug.md', destination: '/api/markdown/:slug'}]
  },
  experimental: {
    // Two root layouts (site and Studio) need one 404 page for URLs that match neither.
    globalNotFound: true,
    // Writing Turbopack's build cache costs CI more time than it saves on a fresh clone.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
}

export default nextConfig
