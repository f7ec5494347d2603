import {spellingVariantFinder, type NamedTerm} from '@/lib/search/spelling-variant'

const TERMS: NamedTerm[] = [
  {id: 'term-backlink', title: 'Backlink', aliases: ['Inbound link']},
  {id: 'term-canonical', title: 'Canonical tag', aliases: null},
  {id: 'term-seo', title: 'SEO'},
  {id: 'term-category', title: 'Category page'},
  {id: 'term-anchor', title: 'Anchor text'},
  {id: 'term-anchors', title: 'Anchor test'},
]
const variantOf = spellingVariantFinder(TERMS)

describe('spellingVariantFinder', () => {
  it.each([
    ['backlinks', 'Backlink', 'Backlink', 0],
    ['back links', 'Backlink', 'Backlink', 0],
    ['back-link', 'Backlink', 'Backlink', 0],
    ['BACK LINK', 'Backlink', 'Backlink', 0],
    ['inbound links', 'Backlink', 'Inbound link', 0],
    ['inboundlink', 'Backlink', 'Inbound link', 0],
    ['category pages', 'Category page', 'Category page', 0],
    ['categry pages', 'Category page', 'Category page', 1],
    ['canonnical tag', 'Canonical tag', 'Canonical tag', 1],
    ['cannonical tags', 'Canonical tag', 'Canonical tag', 1],
    ['bakclink', 'Backlink', 'Backlink', 1],
    ['SEOs', 'SEO', 'SEO', 0],
  ])('finds “%s” a spelling of %s (by “%s”, %i slips)', (query, termTitle, name, distance) => {
    expect(variantOf(query)).toEqual(expect.objectContaining({termTitle, name, distance}))
  })

  it.each([
    ['a name itself, which search finds', 'backlink'],
    ['an alias itself', 'Inbound link'],
    ['a short word one letter from a short name', 'sea'],
    ['too many slips for the length', 'bcaklnik'],
    ['another word entirely', 'sitemap'],
  ])('finds nothing for %s', (_, query) => {
    expect(variantOf(query)).toBeNull()
  })

  it('picks the closest name, then the title A to Z', () => {
    // One slip from "Anchor text" and from "Anchor test": the tie goes to the first title.
    expect(variantOf('anchor tesxt')).toEqual(
      expect.objectContaining({termTitle: 'Anchor test', distance: 1}),
    )
    expect(variantOf('anchor texts')).toEqual(
      expect.objectContaining({termTitle: 'Anchor text', distance: 0}),
    )
  })

  it('finds the one variant among ten thousand similar names', () => {
    const many = Array.from({length: 10_000}, (_, i) => ({id: `t${i}`, title: `Marketing concept ${i}`}))
    const find = spellingVariantFinder([...many, ...TERMS])
    expect(find('unheard of phrase')).toBeNull()
    expect(find('marketing concpet 42')).toEqual(expect.objectContaining({termId: 't42', distance: 1}))
  })
})
