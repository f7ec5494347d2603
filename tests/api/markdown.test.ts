import {GET} from '@/app/api/markdown/[slug]/route'
import {siteUrl} from '@/lib/site/urls'

const markdown = (slug: string) =>
  GET(new Request(`http://localhost/glossary/${slug}.md`), {params: Promise.resolve({slug})})

describe('GET /glossary/<slug>.md', () => {
  it('serves Backlink as Markdown with the page as its canonical', async () => {
    const response = await markdown('backlink')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('link')).toBe(`<${siteUrl}/glossary/backlink>; rel="canonical"`)
    const text = await response.text()
    expect(text.startsWith('# Backlink\n\n> A link on another website')).toBe(true)
    expect(text).toContain('- Also known as: inbound link, incoming link, external backlink')
    expect(text).toContain('- Difficulty: Beginner')
    expect(text).toContain('- Updated: 2026-03-25')
    const headings = text.match(/^## .+$/gm)
    expect(headings).toEqual([
      '## Quick Answer',
      '## Key Takeaways',
      '## What It Means',
      '## Why It Matters',
      '## Example In Practice',
      '## What It Is Not',
      '## When This Matters For Your Business',
      '## Related Terms',
      '## Deeper Guides',
    ])
    expect(text).toContain(`[Link Building](${siteUrl}/glossary/link-building)`)
    // Every link is absolute: the file is read away from the site.
    for (const [, url] of text.matchAll(/\]\(([^)]+)\)/g)) expect(url).toMatch(/^(https?:|mailto:)/)
  })

  it.each([
    ['an alias', 'inbound-link', '/glossary/backlink.md'],
    ['a previous slug', 'backlinks', '/glossary/backlink.md'],
    ['an upper-case slug', 'Backlink', '/glossary/backlink.md'],
    ['an upper-case alias', 'Inbound-Link', '/glossary/backlink.md'],
  ])('redirects %s permanently to the term’s Markdown', async (_, slug, location) => {
    const response = await markdown(slug)
    expect(response.status).toBe(308)
    expect(response.headers.get('location')).toBe(location)
  })

  it.each([
    ['an unknown slug', 'no-such-term'],
    ['something that is not a slug', '..%2Fetc'],
  ])('answers %s with a 404 and a JSON error', async (_, slug) => {
    const response = await markdown(slug)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({error: expect.any(String)})
  })
})
