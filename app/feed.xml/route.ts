import {listRecentTerms} from '@/lib/content'
import {termsAtomFeed} from '@/lib/seo/feed'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

/** GET /feed.xml: an Atom feed of the most recently reviewed terms. */
export async function GET() {
  return new Response(termsAtomFeed(await listRecentTerms({published: true})), {
    headers: {'Content-Type': 'application/atom+xml; charset=utf-8'},
  })
}
