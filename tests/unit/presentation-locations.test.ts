import type {DocumentLocationResolverObject} from 'sanity/presentation'

import {presentationResolve} from '@/sanity/locations'

/** The locations the Presentation tool lists for a document, from the fields the resolver selects. */
function locationsOf(type: string, selected: Record<string, unknown> | null) {
  const resolver = (presentationResolve!.locations as Record<string, DocumentLocationResolverObject>)[type]
  expect(resolver).toBeDefined()
  const resolved = resolver.resolve(selected as never)
  return resolved && 'locations' in resolved ? resolved.locations : undefined
}

describe('Presentation locations', () => {
  it('shows a term on its page, the index, its letter page and the home page', () => {
    expect(locationsOf('term', {title: 'Backlink', slug: 'backlink'})).toEqual([
      {title: 'Backlink', href: '/glossary/backlink'},
      {title: 'Glossary index', href: '/glossary'},
      {title: 'Terms under B', href: '/glossary/letter/b'},
      {title: 'Home page', href: '/'},
    ])
  })

  it('shows a guide on its page and the guide index, an external guide on the index only', () => {
    expect(locationsOf('guide', {title: 'Playbook', slug: 'link-building-playbook'})).toEqual([
      {title: 'Playbook', href: '/guides/link-building-playbook'},
      {title: 'Guides', href: '/guides'},
    ])
    expect(locationsOf('guide', {title: 'Elsewhere', slug: 'x', external: 'https://example.com/'})).toEqual([
      {title: 'Guides', href: '/guides'},
    ])
  })

  it('shows an author on their page and the guide index, a category on its page, the index and home', () => {
    expect(locationsOf('author', {title: 'The Desk', slug: 'desk'})).toEqual([
      {title: 'The Desk', href: '/authors/desk'},
      {title: 'Guides', href: '/guides'},
    ])
    expect(locationsOf('category', {title: 'Technical SEO', slug: 'technical-seo'})).toEqual([
      {title: 'Technical SEO', href: '/glossary/category/technical-seo'},
      {title: 'Glossary index', href: '/glossary'},
      {title: 'Home page', href: '/'},
    ])
  })

  it('lists no location for a document without a slug yet, or none at all', () => {
    for (const type of ['term', 'guide', 'author', 'category']) {
      expect(locationsOf(type, {title: 'Draft'})).toEqual([])
      expect(locationsOf(type, null)).toEqual([])
    }
  })

  it('opens the document of each page type from its URL', () => {
    expect(presentationResolve!.mainDocuments!.map((main) => main.route)).toEqual([
      '/glossary/:slug',
      '/guides/:slug',
      '/authors/:slug',
      '/glossary/category/:slug',
    ])
  })
})
