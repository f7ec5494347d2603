import {z} from 'zod'

import type {SearchSuggestions} from '@/lib/search/suggestions'
import {countSearch, searchTerms} from '@/lib/search/term-search'
import {termPath} from '@/lib/site/urls'

/** The most suggestions the search box shows at once. */
const SUGGESTIONS = 8

const Query = z.object({
  q: z
    .string({error: 'Give a search query as ?q='})
    .trim()
    .min(1, 'The search query is empty.')
    .max(100, 'Keep the search query to 100 characters or fewer.'),
})

// Answers change only when content does; a browser or CDN may keep one briefly.
const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'

/** GET /api/search?q=inbound: ranked term suggestions for the search box. */
export async function GET(request: Request) {
  const parsed = Query.safeParse({q: new URL(request.url).searchParams.get('q') ?? undefined})
  if (!parsed.success) {
    return Response.json({error: parsed.error.issues[0]!.message}, {status: 400})
  }
  const {q} = parsed.data
  const {total, results} = await searchTerms(q, SUGGESTIONS)
  countSearch('suggestions', total)
  const body: SearchSuggestions = {
    query: q,
    total,
    results: results.map(({title, slug, shortDefinition, difficulty, matchedAlias}) => ({
      title,
      url: termPath(slug),
      shortDefinition,
      difficulty,
      matchedAlias,
    })),
  }
  return Response.json(body, {headers: {'Cache-Control': CACHE_CONTROL}})
}
