import type {NextConfig} from 'next'

// The benchmark builds each dataset size into its own folder, leaving `.next` to the developer.
const distDir = process.env.NEXT_DIST_DIR ?? '.next'

const nextConfig: NextConfig = {
  distDir,
  // Next adds a build folder's generated types to tsconfig.json; for a benchmark build it reads
  // bench/tsconfig.json instead, which extends ours, so Next leaves both files alone.
  typescript: distDir === '.next' ? undefined : {tsconfigPath: 'bench/tsconfig.json'},
  poweredByHeader: false,
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
