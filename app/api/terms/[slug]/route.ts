import {CORS_HEADERS, NO_STORE, PUBLIC_CACHE} from '@/lib/api/headers'
import {termJson, termSlugSchema} from '@/lib/api/term-json'
import {getTermSummary, resolveTerm} from '@/lib/content'

type Context = {params: Promise<{slug: string}>}

const json = (body: unknown, status: number, headers: Record<string, string>) =>
  Response.json(body, {status, headers: {...CORS_HEADERS, ...headers}})

/**
 * GET /api/terms/backlink: a term's title, short definition, aliases, URL and updated date. An
 * alias or an old slug redirects to the term's current address, as the page does.
 */
export async function GET(_request: Request, {params}: Context) {
  const slug = termSlugSchema.safeParse((await params).slug)
  if (!slug.success) return json({error: slug.error.issues[0]!.message}, 400, NO_STORE)
  // Published only, even for an editor in draft mode: shared caches keep the answer.
  const published = {published: true}
  const found = await resolveTerm(slug.data, (term) => getTermSummary(term, published), published)
  if (!found) return json({error: `No term has the slug "${slug.data}".`}, 404, NO_STORE)
  if ('redirectTo' in found) {
    return new Response(null, {
      status: 308,
      headers: {...CORS_HEADERS, ...NO_STORE, Location: `/api/terms/${found.redirectTo}`},
    })
  }
  return json(termJson(found.term), 200, PUBLIC_CACHE)
}

/** The CORS preflight. */
export function OPTIONS() {
  return new Response(null, {status: 204, headers: {...CORS_HEADERS, 'Access-Control-Max-Age': '86400'}})
}

function methodNotAllowed() {
  return json({error: 'This endpoint only answers GET.'}, 405, {...NO_STORE, Allow: 'GET, HEAD, OPTIONS'})
}

export const POST = methodNotAllowed
export const PUT = methodNotAllowed
export const PATCH = methodNotAllowed
export const DELETE = methodNotAllowed
