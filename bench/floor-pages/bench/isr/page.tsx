import {notFound} from 'next/navigation'

import {getTerm} from '@/lib/content'

/**
 * The revalidation check through the caching proxy: the same ISR machinery and content source as
 * a term page, with a window short enough to wait out (term pages use an hour).
 */
export const revalidate = 5

const BENCH_ISR_TERM = 'backlink'

export default async function BenchIsrPage() {
  const term = await getTerm(BENCH_ISR_TERM)
  if (!term) notFound()
  return (
    <main>
      <h1>{term.title}</h1>
      <p id="short-definition">{term.shortDefinition}</p>
    </main>
  )
}
