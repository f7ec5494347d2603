import type {ReactNode} from 'react'

/**
 * Root layout of the benchmark's own pages (`npm run bench`): the bare document and nothing of the
 * site's, so they measure what Next.js itself costs. The bench copies this folder into its scratch
 * copy of the site as `app/(bench)` (bench/lib/next-app.ts); no other build holds them.
 */
export default function BenchRootLayout({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
