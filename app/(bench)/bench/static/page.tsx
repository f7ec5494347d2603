import type {Metadata} from 'next'
import {notFound} from 'next/navigation'

import {BarePage} from '../../_lib/bare-page'
import {benchPagesEnabled} from '../../_lib/bench-env'

export const dynamic = 'force-static'

export const metadata: Metadata = {
  title: 'Bare Next.js page',
  description: 'A static page of fixed size that the benchmark compares the term page against.',
}

/** The throughput floor: served from the build's output like a cached term page. */
export default function BareStaticPage() {
  if (!benchPagesEnabled()) notFound()
  return <BarePage />
}
