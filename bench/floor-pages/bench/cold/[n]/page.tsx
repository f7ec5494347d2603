import type {Metadata} from 'next'
import {notFound} from 'next/navigation'

import {BarePage} from '@/bench/floor-pages/_lib/bare-page'

// Segment config must be a literal: the term pages' window.
export const revalidate = 3600

/** Nothing at build: every /bench/cold/<n> renders on its first request and is cached, as a term page is. */
export const generateStaticParams = () => []

export const metadata: Metadata = {
  title: 'Bare Next.js page, rendered on demand',
  description: 'The cold-render floor the benchmark compares a term page’s first render against.',
}

type Props = {params: Promise<{n: string}>}

/** The cold-render floor: the bare page, rendered by Next for the request that first asks for it. */
export default async function BareColdPage({params}: Props) {
  if (!/^\d{1,6}$/.test((await params).n)) notFound()
  return <BarePage />
}
