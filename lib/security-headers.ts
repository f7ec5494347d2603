/**
 * Response headers set in next.config.ts. Every route refuses to be framed except the embeddable
 * definition cards under /embed, which any site may put in an <iframe>. Kept as data so more
 * directives (a full Content-Security-Policy) can be added in one place.
 */
type Header = {key: string; value: string}
type HeaderRule = {source: string; headers: Header[]}

const EMBED_ROUTES = '/embed/:path*'

/**
 * Everything outside /embed. Next applies every matching rule, so the embed routes are left out
 * here (not overridden later): a DENY sent alongside `frame-ancestors *` would still block them.
 */
const NON_EMBED_ROUTES = '/:path((?!embed(?:/|$)).*)'

type CspDirectives = Record<string, string[]>

const serialize = (directives: CspDirectives) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')

const SITE_CSP: CspDirectives = {'frame-ancestors': ["'none'"]}
const EMBED_CSP: CspDirectives = {'frame-ancestors': ['*']}

export function securityHeaders(): HeaderRule[] {
  return [
    {
      source: NON_EMBED_ROUTES,
      headers: [
        {key: 'X-Frame-Options', value: 'DENY'},
        {key: 'Content-Security-Policy', value: serialize(SITE_CSP)},
      ],
    },
    {
      source: EMBED_ROUTES,
      headers: [{key: 'Content-Security-Policy', value: serialize(EMBED_CSP)}],
    },
  ]
}
