import * as termsRoute from '@/app/api/terms/[slug]/route'

import {BROKEN_UNICODE, expectCleanError} from './support/clean-error'

/**
 * The bad-input sweep: for each route handler, a table of malformed requests. Each must get a 4xx
 * JSON error with no stack trace, and must change nothing.
 */
describe('bad-input sweep: GET /api/terms/[slug]', () => {
  const call = (method: keyof typeof termsRoute, slug: string, init: RequestInit = {}) =>
    (
      termsRoute[method] as (
        request: Request,
        context: {params: Promise<{slug: string}>},
      ) => Promise<Response>
    )(
      // The handler reads the slug from params; the URL only has to be well formed.
      new Request('http://localhost/api/terms/slug', {method, ...init}),
      {params: Promise.resolve({slug})},
    )

  const cases: [string, keyof typeof termsRoute, string, number][] = [
    ['POST', 'POST', 'backlink', 405],
    ['PUT', 'PUT', 'backlink', 405],
    ['PATCH', 'PATCH', 'backlink', 405],
    ['DELETE', 'DELETE', 'backlink', 405],
    ['an unknown slug', 'GET', 'no-such-term', 404],
    ['an empty slug', 'GET', '', 400],
    ['upper case', 'GET', 'BACKLINK', 400],
    ['a path traversal', 'GET', '../../etc/passwd', 400],
    ['SQL injection', 'GET', "backlink' OR '1'='1", 400],
    ['GROQ injection', 'GET', 'backlink"] | *[_type == "author', 400],
    ['HTML injection', 'GET', '<script>alert(1)</script>', 400],
    ['__proto__', 'GET', '__proto__', 400],
    ['constructor', 'GET', 'constructor', 404],
    ['prototype pollution text', 'GET', '{"__proto__":{"admin":true}}', 400],
    ['a very long slug', 'GET', 'a'.repeat(10_000), 400],
    ['broken unicode', 'GET', BROKEN_UNICODE, 400],
    ['a null byte', 'GET', 'backlink\u0000', 400],
    ['white space', 'GET', ' backlink ', 400],
    ['a trailing hyphen', 'GET', 'backlink-', 400],
    ['accents', 'GET', 'backlínk', 400],
    ['an emoji', 'GET', '🔗', 400],
    ['a JSON body on GET-only route (POST)', 'POST', '{"slug":"backlink"}', 405],
  ]

  it.each(cases.map(([name, method, slug, status]) => ({name, method, slug, status})))(
    '$name ($method) → $status',
    async ({method, slug, status}) => {
      await expectCleanError(await call(method, slug), status)
    },
  )
})
