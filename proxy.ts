import {NextResponse, type NextRequest} from 'next/server'

import {CORS_HEADERS, NO_STORE} from '@/lib/api/headers'
import {isPublishedName} from '@/lib/content/page-names'
import {DRAFT_COOKIE, hasDraftModeCookie} from '@/lib/site/draft-cookie'
import {MISSING_NAME_HEADER, MISSING_PATH} from '@/lib/site/missing-page'
import {gate} from '@/lib/site/url-gate'
import {sanityProject} from '@/sanity/env'

/**
 * The URL gate (lib/site/url-gate.ts) in front of every dynamic route: a request for a page that does
 * not exist is answered here, so it renders nothing per URL and leaves nothing on disk.
 */
export async function proxy(request: NextRequest) {
  // Only reads render or cache; other methods reach their routes, which refuse them (405).
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  // An editor in draft mode may open a page that is not published yet.
  if (sanityProject && hasDraftModeCookie(request.cookies.get(DRAFT_COOKIE)?.value)) {
    return NextResponse.next()
  }
  let verdict
  try {
    verdict = await gate(request.nextUrl.pathname, isPublishedName)
  } catch {
    // Names unreadable (the Content Lake is down): the pages answer as they would without the gate.
    return NextResponse.next()
  }
  switch (verdict.kind) {
    case 'pass':
      return NextResponse.next()
    case 'malformed':
      return NextResponse.json({error: 'The address is not a valid URL.'}, {status: 400})
    case 'missing':
      if (verdict.answer === 'json') {
        // The JSON API is read from other sites' scripts: its 404 carries CORS headers too.
        return NextResponse.json(
          {error: `Nothing is published at ${request.nextUrl.pathname}.`},
          {status: 404, headers: {...CORS_HEADERS, ...NO_STORE}},
        )
      }
      // No route matches this path, so Next answers with app/global-not-found.tsx and a 404,
      // rendered per request and never cached; the header carries the name to suggest terms for.
      const headers = new Headers(request.headers)
      headers.set(MISSING_NAME_HEADER, verdict.segment)
      return NextResponse.rewrite(new URL(MISSING_PATH, request.url), {request: {headers}})
  }
}

export const config = {
  matcher: [
    '/glossary/:path+',
    '/guides/:path+',
    '/authors/:path+',
    '/embed/glossary/:path+',
    '/api/terms/:path+',
    '/api/markdown/:path+',
  ],
}
