import {SITE_URL} from './support/site'
import {expect, test} from './support/test'

type Csp = Map<string, string[]>

function csp(response: Response): Csp {
  const header = response.headers.get('content-security-policy') ?? ''
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  )
}

const fetchRaw = (path: string, init: RequestInit = {}) =>
  fetch(`${SITE_URL}${path}`, {redirect: 'manual', ...init})

/** Security headers per route group, read from the built site's real responses. */
test.describe('security headers', () => {
  const everyGroup = [
    '/',
    '/glossary/backlink',
    '/guides',
    '/api/terms/backlink',
    '/embed/glossary/backlink',
    '/studio',
    '/no-such-page',
  ]

  for (const path of everyGroup) {
    test(`${path} sends nosniff, a referrer policy and a restrictive Permissions-Policy`, async () => {
      const response = await fetchRaw(path)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      const permissions = response.headers.get('permissions-policy') ?? ''
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()'])
        expect(permissions).toContain(feature)
      expect(response.headers.get('x-powered-by')).toBeNull()
    })
  }

  for (const path of [
    '/',
    '/glossary',
    '/glossary/backlink',
    '/guides',
    '/authors/glossary-editorial-team',
    '/api/terms/backlink',
  ]) {
    test(`site route ${path} allows only itself and Sanity’s image CDN, and no framing`, async () => {
      const response = await fetchRaw(path)
      const policy = csp(response)
      expect(policy.get('default-src')).toEqual(["'self'"])
      expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://cdn.sanity.io'])
      expect(policy.get('connect-src')).toEqual(["'self'"])
      expect(policy.get('object-src')).toEqual(["'none'"])
      expect(policy.get('frame-ancestors')).toEqual(["'none'"])
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('content-security-policy')).not.toContain('sanity.io wss')
    })
  }

  test('lets an editor in draft mode see the site framed by the Studio (same origin only)', async () => {
    const response = await fetchRaw('/glossary/backlink', {headers: {cookie: '__prerender_bypass=preview'}})
    expect(csp(response).get('frame-ancestors')).toEqual(["'self'"])
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  test('lets any site frame the embed cards, and nothing else changes', async () => {
    const response = await fetchRaw('/embed/glossary/backlink')
    const policy = csp(response)
    expect(policy.get('frame-ancestors')).toEqual(['*'])
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(response.headers.get('x-frame-options')).toBeNull()
  })

  test('gives the Studio what it needs on /studio only, and never lets it be framed', async () => {
    const response = await fetchRaw('/studio')
    const header = response.headers.get('content-security-policy') ?? ''
    expect(header.split('default-src').length).toBe(2)
    const policy = csp(response)
    expect(policy.get('connect-src')).toEqual(
      expect.arrayContaining(['https://*.sanity.io', 'wss://*.sanity.io']),
    )
    expect(policy.get('script-src')).toContain('https://core.sanity-cdn.com')
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })
})
