import type {NextConfig} from 'next'

import {securityHeaders} from './lib/security-headers'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  headers: async () => securityHeaders(),
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
