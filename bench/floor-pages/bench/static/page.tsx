import type {Metadata} from 'next'

import {BarePage} from '@/bench/floor-pages/_lib/bare-page'

export const dynamic = 'force-static'

export const metadata: Metadata = {
  title: 'Bare Next.js page',
  description: 'A static page of fixed size that the benchmark compares the term page against.',
}

/** The throughput floor: served from the build's output like a cached term page. */
export default function BareStaticPage() {
  return <BarePage />
}
