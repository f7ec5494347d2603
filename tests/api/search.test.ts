import {GET} from '@/app/api/search/route'

const search = (query: string) => GET(new Request(`http://localhost/api/search${query}`))

describe('GET /api/search', () => {
  it('suggests Backlink for "inbound" and names the alias that matched', async () => {
    const response = await search('?q=inbound')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toMatch(/^public, .*max-age=\d+/)
    const body = await response.json()
    expect(body).toEqual({
      query: 'inbound',
      total: 1,
      results: [
        {
          title: 'Backlink',
          url: '/glossary/backlink',
          shortDefinition: expect.any(String),
          difficulty: 'beginner',
          matchedAlias: 'inbound link',
        },
      ],
    })
  })

  it('returns at most 8 suggestions and the total number of matches', async () => {
    const body = await (await search('?q=link')).json()
    expect(body.total).toBeGreaterThan(8)
    expect(body.results).toHaveLength(8)
    expect(body.results.slice(0, 2).map((result: {title: string}) => result.title)).toEqual([
      'Link Building',
      'Link Equity',
    ])
  })

  it('answers a query nothing matches with an empty list', async () => {
    const response = await search('?q=quantum%20blockchain')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({query: 'quantum blockchain', total: 0, results: []})
  })

  it.each([
    ['no query', ''],
    ['an empty query', '?q='],
    ['a query of spaces', '?q=%20%20'],
    ['a query over 100 characters', `?q=${'a'.repeat(101)}`],
  ])('refuses %s with a 400 and a JSON error', async (_, query) => {
    const response = await search(query)
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body).toEqual({error: expect.any(String)})
    expect(response.headers.get('cache-control')).toBeNull()
  })

  it('accepts a query of exactly 100 characters', async () => {
    expect((await search(`?q=${'a'.repeat(100)}`)).status).toBe(200)
  })
})
