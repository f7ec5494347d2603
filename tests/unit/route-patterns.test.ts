import {routePatterns, UNMATCHED} from '@/lib/observability/route-patterns'

// The shape `next build` writes to routes-manifest.json, for a few of the site's routes.
const manifest = {
  staticRoutes: [
    {page: '/', regex: '^/(?:/)?$'},
    {page: '/glossary', regex: '^/glossary(?:/)?$'},
    {page: '/api/health/ready', regex: '^/api/health/ready(?:/)?$'},
  ],
  dynamicRoutes: [
    {page: '/glossary/[slug]', regex: '^/glossary/([^/]+?)(?:/)?$'},
    {page: '/glossary/category/[slug]', regex: '^/glossary/category/([^/]+?)(?:/)?$'},
    {page: '/studio/[[...tool]]', regex: '^/studio(?:/(.+?))?(?:/)?$'},
  ],
  rewrites: {
    beforeFiles: [],
    afterFiles: [{source: '/glossary/:slug.md', regex: '^/glossary(?:/([^/]+?))\\.md(?:/)?$'}],
    fallback: [],
  },
}

describe('routePatterns', () => {
  const routeOf = routePatterns(manifest)

  it("names a request by its route's pattern, never its path", () => {
    expect(routeOf('/')).toBe('/')
    expect(routeOf('/glossary?q=link')).toBe('/glossary')
    expect(routeOf('/glossary/')).toBe('/glossary')
    expect(routeOf('/api/health/ready')).toBe('/api/health/ready')
    expect(routeOf('/glossary/backlink')).toBe('/glossary/[slug]')
    expect(routeOf('/glossary/backlink.md')).toBe('/glossary/:slug.md')
    expect(routeOf('/glossary/category/seo')).toBe('/glossary/category/[slug]')
    expect(routeOf('/studio/structure/term')).toBe('/studio/[[...tool]]')
    expect(routeOf('/_next/static/chunks/app-abc123.js')).toBe('/_next/static')
  })

  it('gives every invented path one of a handful of labels', () => {
    const labels = new Set<string>()
    for (let n = 0; n < 1000; n++) {
      labels.add(routeOf(`/invented-${n}/deeper/${n}`))
      labels.add(routeOf(`/glossary/made-up-${n}`))
      labels.add(routeOf(`/wp-admin/${n}.php?x=${n}`))
    }
    expect([...labels].sort()).toEqual(['/glossary/[slug]', UNMATCHED])
  })
})
