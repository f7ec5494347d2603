import {getTerm, listTerms, type Term} from '@/lib/content'
import {siteUrl} from '@/lib/site/urls'
import {glossaryJsonLd, serializeJsonLd, termJsonLd, type JsonLdNode} from '@/lib/seo/structured-data'

type Node = Record<string, unknown> & {'@type': string}

/** What a search engine reads: the serialised script text, parsed back. */
const roundTrip = (data: JsonLdNode) => JSON.parse(serializeJsonLd(data))

describe('serializeJsonLd', () => {
  it('escapes "<" so content cannot close the script, and parses back to the same data', () => {
    const data: JsonLdNode = {
      '@context': 'https://schema.org',
      '@type': 'DefinedTerm',
      name: 'Tags </script><script>alert(1)</script> & more',
    }
    const text = serializeJsonLd(data)
    expect(text).not.toContain('<')
    expect(text).toContain('\\u003c/script>')
    expect(JSON.parse(text)).toEqual(data)
  })
})

describe('JSON-LD for a term', () => {
  let term: Term
  let graph: Node[]
  const ofType = (type: string) => graph.find((node) => node['@type'] === type)!

  beforeAll(async () => {
    term = (await getTerm('backlink'))!
    const data = roundTrip(termJsonLd(term))
    expect(data['@context']).toBe('https://schema.org')
    graph = data['@graph']
  })

  it('describes the DefinedTerm with its other names, in the glossary’s term set', () => {
    expect(ofType('DefinedTerm')).toEqual({
      '@type': 'DefinedTerm',
      '@id': `${siteUrl}/glossary/backlink#term`,
      name: 'Backlink',
      description: term.shortDefinition,
      alternateName: ['inbound link', 'incoming link', 'external backlink'],
      url: `${siteUrl}/glossary/backlink`,
      inDefinedTermSet: expect.objectContaining({'@type': 'DefinedTermSet', url: `${siteUrl}/glossary`}),
    })
  })

  it('gives the breadcrumb trail glossary › category › term with absolute URLs', () => {
    expect(ofType('BreadcrumbList').itemListElement).toEqual([
      {'@type': 'ListItem', position: 1, name: 'Glossary', item: `${siteUrl}/glossary`},
      {
        '@type': 'ListItem',
        position: 2,
        name: term.category!.title,
        item: `${siteUrl}/glossary/category/${term.category!.slug}`,
      },
      {'@type': 'ListItem', position: 3, name: 'Backlink', item: `${siteUrl}/glossary/backlink`},
    ])
  })

  it('describes the page as an article with its author and editorial date', () => {
    expect(ofType('Article')).toMatchObject({
      headline: 'Backlink',
      description: term.quickAnswer,
      dateModified: '2026-03-25',
      author: {'@type': 'Person', name: term.author!.name, url: `${siteUrl}/authors/${term.author!.slug}`},
      about: {'@id': `${siteUrl}/glossary/backlink#term`},
    })
  })

  it('has no FAQ markup', () => {
    expect(serializeJsonLd(termJsonLd(term))).not.toMatch(/FAQPage|Question/)
  })
})

describe('JSON-LD for the glossary index', () => {
  it('is a DefinedTermSet with every term in it', async () => {
    const terms = await listTerms()
    const data = roundTrip(glossaryJsonLd(terms))
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'DefinedTermSet',
      url: `${siteUrl}/glossary`,
    })
    expect(data.hasDefinedTerm).toHaveLength(terms.length)
    expect(data.hasDefinedTerm).toContainEqual(
      expect.objectContaining({
        '@type': 'DefinedTerm',
        name: 'Backlink',
        url: `${siteUrl}/glossary/backlink`,
      }),
    )
    for (const node of data.hasDefinedTerm) expect(new URL(node.url).origin).toBe(new URL(siteUrl).origin)
  })
})
