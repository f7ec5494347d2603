import {DELETE, GET, OPTIONS, PATCH, POST, PUT} from '@/app/api/terms/[slug]/route'
import {termJson} from '@/lib/api/term-json'
import {absoluteUrl} from '@/lib/site/urls'

const url = (slug: string) => `http://localhost/api/terms/${slug}`
const get = (slug: string) => GET(new Request(url(slug)), {params: Promise.resolve({slug})})

describe('GET /api/terms/[slug]', () => {
  it('answers a term with its public fields and an absolute URL', async () => {
    const response = await get('backlink')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({
      title: 'Backlink',
      shortDefinition: expect.stringMatching(/link/i),
      aliases: ['inbound link', 'incoming link', 'external backlink'],
      url: absoluteUrl('/glossary/backlink'),
      updated: '2026-03-25',
    })
  })

  it('gives a term without aliases an empty list, never null', () => {
    const term = {
      title: 'Term',
      slug: 'term',
      shortDefinition: 'A term.',
      aliases: null,
      difficulty: 'beginner' as const,
      updated: '2026-01-01',
    }
    expect(termJson(term)).toEqual({
      title: 'Term',
      shortDefinition: 'A term.',
      aliases: [],
      url: absoluteUrl('/glossary/term'),
      updated: '2026-01-01',
    })
  })

  it('may be cached by shared caches and read from any origin', async () => {
    const response = await get('backlink')
    expect(response.headers.get('cache-control')).toBe('public, s-maxage=3600, stale-while-revalidate=86400')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers an unknown slug with a 404 JSON error, readable cross-origin and not cached', async () => {
    const response = await get('no-such-term')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({error: 'No term has the slug "no-such-term".'})
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it("sends an alias or an old slug to the term's current address, as the page does", async () => {
    for (const name of ['inbound-link', 'backlinks']) {
      const response = await get(name)
      expect([name, response.status, response.headers.get('location')]).toEqual([
        name,
        308,
        '/api/terms/backlink',
      ])
      expect(response.headers.get('cache-control')).toBe('no-store')
    }
  })

  it.each([
    ['upper case', 'Backlink'],
    ['a double dash', 'back--link'],
    ['a leading dash', '-backlink'],
    ['a path', '..%2Fsecrets'],
    ['a space', 'back link'],
    ['97 characters', 'a'.repeat(97)],
  ])('answers a malformed slug (%s) with a 400 JSON error', async (_, slug) => {
    const response = await get(slug)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({error: expect.stringMatching(/^A term slug is/)})
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('accepts a 96-character slug (and 404s it when no term has it)', async () => {
    expect((await get('a'.repeat(96))).status).toBe(404)
  })
})

describe('other methods on /api/terms/[slug]', () => {
  it('answers the CORS preflight', async () => {
    const response = OPTIONS()
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
  })

  it.each([
    ['POST', POST],
    ['PUT', PUT],
    ['PATCH', PATCH],
    ['DELETE', DELETE],
  ])('answers %s with a 405 JSON error and the allowed methods', async (_, handler) => {
    const response = handler()
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(await response.json()).toEqual({error: 'This endpoint only answers GET.'})
  })
})
