import type {NextConfig} from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  images: {
    remotePatterns: [{protocol: 'https', hostname: 'cdn.sanity.io'}],
  },
  experimental: {
    // Two root layouts (site and Studio) need one 404 page for URLs that match neither.
    globalNotFound: true,
    // Writing Turbopack's build cache costs CI more time than it saves on a fresh clone.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
}

export default nextConfig
