import 'server-only'

import {listTermSlugs} from '@/lib/content'

/** How many of the most recently updated terms are rendered at build; the rest on first request. */
const PRERENDERED_TERMS = 200

/** `generateStaticParams` for every route per term: page, Open Graph image and Markdown. */
export async function prerenderedTermParams(): Promise<{slug: string}[]> {
  return (await listTermSlugs()).slice(0, PRERENDERED_TERMS).map((slug) => ({slug}))
}
