import type {ReactNode} from 'react'

/**
 * Root layout of the benchmark's own pages (`npm run bench`): the bare document and nothing of the
 * site's, so they measure what Next.js itself costs. They exist only in benchmark builds.
 */
export default function BenchRootLayout({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
