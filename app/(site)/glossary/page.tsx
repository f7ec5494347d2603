import type {Metadata} from 'next'

import {GlossaryIndex, glossaryMetadata} from './_components/glossary-index'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

export const metadata: Metadata = glossaryMetadata({view: 'index'})

/**
 * The whole index, rendered once and cached. Requests with a search or filters never reach this
 * page: next.config.ts rewrites them to /glossary-search, so this one stays static.
 */
export default function GlossaryIndexPage() {
  return <GlossaryIndex filters={{}} />
}
