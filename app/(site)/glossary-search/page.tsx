import type {Metadata} from 'next'

import {parseIndexFilters} from '@/lib/content/index-filters'

import {GlossaryIndex, glossaryMetadata} from '@/app/(site)/glossary/_components/glossary-index'

type Props = {searchParams: Promise<Record<string, string | string[] | undefined>>}

/** /glossary?q=…&category=…&difficulty=… (rewritten here by next.config.ts), rendered per request. */
export async function generateMetadata({searchParams}: Props): Promise<Metadata> {
  return glossaryMetadata({q: parseIndexFilters(await searchParams).q, view: 'search'})
}

export default async function GlossarySearchPage({searchParams}: Props) {
  return <GlossaryIndex filters={parseIndexFilters(await searchParams)} />
}
