import robots from '@/app/robots'
import sitemap from '@/app/sitemap'
import {listPublishedPages} from '@/lib/content'
import {siteUrl} from '@/lib/site/urls'

describe('the sitemap', () => {
  it('lists every published page exactly once, with absolute URLs', async () => {
    const pages = await listPublishedPages()
    const entries = await sitemap()
    const urls = entries.map((entry) => entry.url)
    expect(new Set(urls).size).toBe(urls.length)
    for (const url of urls) expect(new URL(url).origin).toBe(new URL(siteUrl).origin)

    const paths = new Set(urls.map((url) => new URL(url).pathname))
    const expected = [
      '/',
      '/glossary',
      ...pages.terms.map((term) => `/glossary/${term.slug}`),
      ...pages.categories.map((category) => `/glossary/category/${category.slug}`),
      ...pages.guides.map((guide) => `/guides/${guide.slug}`),
      ...pages.authors.map((author) => `/authors/${author.slug}`),
    ]
    expect(paths).toEqual(new Set(expected))
    expect(urls).toHaveLength(expected.length)
    expect(pages.terms.length).toBeGreaterThanOrEqual(30)
    expect(pages.categories.length).toBe(5)
    expect(pages.authors.length).toBeGreaterThan(0)
  })

  it('leaves out guides published elsewhere, which have no page here', async () => {
    const paths = (await sitemap()).map((entry) => new URL(entry.url).pathname)
    expect(paths).toContain('/guides/link-building-playbook')
    expect(paths).not.toContain('/guides/google-seo-starter-guide')
  })

  it('dates each page by its editorial updated date', async () => {
    const entries = await sitemap()
    const lastModified = (path: string) =>
      entries.find((entry) => entry.url === `${siteUrl}${path}`)?.lastModified
    expect(lastModified('/glossary/backlink')).toBe('2026-03-25')
    expect(lastModified('/guides/link-building-playbook')).toBe('2026-06-18')
    // A listing page changes when the newest of its terms does.
    expect(lastModified('/glossary/category/local-international')).toBe('2026-10-21')
    expect(lastModified('/glossary')).toBe('2026-10-21')
    for (const entry of entries) expect(entry.lastModified).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('robots.txt', () => {
  it('keeps crawlers out of the Studio and the API and points them at the sitemap', () => {
    const rules = robots()
    expect(rules.rules).toEqual({userAgent: '*', allow: '/', disallow: ['/studio', '/api/']})
    expect(rules.sitemap).toBe(`${siteUrl}/sitemap.xml`)
  })
})
