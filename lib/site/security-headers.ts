/**
 * Response headers set in next.config.ts, per route group:
 * - the site: a Content-Security-Policy allowing only what it uses (itself, Sanity's image CDN),
 *   and no framing at all — except by the Studio (same origin) while an editor is in draft mode,
 *   which is how the Presentation tool shows its preview;
 * - /embed: the same policy, but any site may frame the definition cards;
 * - /studio: what the Studio needs (Sanity's API, CDN, bridge script and font), never framed.
 * Every route also gets nosniff, a referrer policy and a restrictive Permissions-Policy.
 */
type Header = {key: string; value: string}
type Condition = {type: 'cookie'; key: string}
type HeaderRule = {source: string; headers: Header[]; has?: Condition[]; missing?: Condition[]}
type CspDirectives = Record<string, string[]>

/** Next's draft-mode cookie: present only for editors previewing drafts. */
const DRAFT_MODE_COOKIE: Condition = {type: 'cookie', key: '__prerender_bypass'}

/** Everything but /embed and /studio (`:path*` would also match them). */
const SITE_ROUTES = '/:path((?!embed(?:/|$)|studio(?:/|$)).*)'
const EMBED_ROUTES = '/embed/:path*'
/** Matches /studio itself too. */
const STUDIO_ROUTES = '/studio/:path*'

const SANITY_IMAGES = 'https://cdn.sanity.io'

/** Next inlines its bootstrap scripts; hashing them would mean rendering per request, not ISR. */
const SITE_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', SANITY_IMAGES],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

const STUDIO_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-inline'", "'unsafe-eval'", 'https://core.sanity-cdn.com'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': [
    "'self'",
    'data:',
    'blob:',
    SANITY_IMAGES,
    'https://*.sanity.io',
    'https://lh3.googleusercontent.com',
  ],
  // Studio 6 (through Sanity's UI styles) loads its Inter font from Sanity's design-system host.
  'font-src': ["'self'", 'data:', 'https://design-system-static.sanity.io'],
  'connect-src': [
    "'self'",
    'https://*.sanity.io',
    'wss://*.sanity.io',
    'https://sanity-cdn.com',
    'https://*.sanity-cdn.com',
    'https://*.apicdn.sanity.io',
  ],
  'frame-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

const COMMON_HEADERS: Header[] = [
  {key: 'X-Content-Type-Options', value: 'nosniff'},
  {key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin'},
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), fullscreen=(self), clipboard-write=(self), web-share=(self)',
  },
]

export const serializeCsp = (directives: CspDirectives) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')

const withFraming = (directives: CspDirectives, ancestors: string[]) => ({
  ...directives,
  'frame-ancestors': ancestors,
})

export function securityHeaders(): HeaderRule[] {
  const csp = (directives: CspDirectives) => ({
    key: 'Content-Security-Policy',
    value: serializeCsp(directives),
  })
  return [
    {source: '/:path*', headers: COMMON_HEADERS},
    {
      source: SITE_ROUTES,
      missing: [DRAFT_MODE_COOKIE],
      headers: [{key: 'X-Frame-Options', value: 'DENY'}, csp(SITE_CSP)],
    },
    {
      source: SITE_ROUTES,
      has: [DRAFT_MODE_COOKIE],
      headers: [{key: 'X-Frame-Options', value: 'SAMEORIGIN'}, csp(withFraming(SITE_CSP, ["'self'"]))],
    },
    {source: EMBED_ROUTES, headers: [csp(withFraming(SITE_CSP, ['*']))]},
    {source: STUDIO_ROUTES, headers: [{key: 'X-Frame-Options', value: 'DENY'}, csp(STUDIO_CSP)]},
  ]
}
