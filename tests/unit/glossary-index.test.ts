import {listTerms} from '@/lib/content'
import {
  groupByLetter,
  LETTERS,
  letterAnchor,
  letterFromSlug,
  letterOf,
  letterSlug,
} from '@/lib/content/glossary-index'
import {parseIndexFilters} from '@/lib/content/index-filters'

describe('the A–Z index', () => {
  it('files titles under their first letter, ignoring case and accents; digits and symbols under #', () => {
    expect(letterOf('backlink')).toBe('B')
    expect(letterOf('Épingle')).toBe('E')
    expect(letterOf('301 Redirect')).toBe('#')
    expect(letterOf('.htaccess')).toBe('H')
    expect(letterOf('¿Qué?')).toBe('Q')
    expect(letterOf('★')).toBe('#')
  })

  it('groups every term of the embedded dataset once, in letter-bar order', async () => {
    const terms = await listTerms()
    const groups = groupByLetter(terms)
    expect([...groups.values()].flat()).toHaveLength(terms.length)
    expect([...groups.keys()]).toEqual(LETTERS.filter((letter) => groups.has(letter)))
    expect(groups.get('#')!.map((term) => term.title)).toEqual(['301 Redirect'])
    expect(groups.get('B')!.map((term) => term.title)).toEqual(['Backlink', 'Bounce Rate', 'Broken Link'])
    expect(groups.has('J')).toBe(false)
  })

  it('spells every letter in URLs one way, and reads back only those spellings', () => {
    for (const letter of LETTERS) expect(letterFromSlug(letterSlug(letter))).toBe(letter)
    expect(letterSlug('#')).toBe('other')
    expect(letterSlug('Q')).toBe('q')
    for (const slug of ['B', '#', '', 'bb', 'é', '1']) expect(letterFromSlug(slug)).toBeNull()
  })

  it('gives every letter its own anchor', () => {
    const anchors = LETTERS.map(letterAnchor)
    expect(new Set(anchors).size).toBe(LETTERS.length)
    expect(letterAnchor('#')).toBe('letter-other')
    expect(letterAnchor('C')).toBe('letter-c')
  })
})

describe('parseIndexFilters', () => {
  it('reads the query, category and difficulty', () => {
    expect(
      parseIndexFilters({q: ' inbound link ', category: 'technical-seo', difficulty: 'advanced'}),
    ).toEqual({
      q: 'inbound link',
      category: 'technical-seo',
      difficulty: 'advanced',
    })
  })

  it('treats empty, repeated, unknown or over-long values as no filter', () => {
    expect(parseIndexFilters({q: '   ', category: '', difficulty: 'expert', utm_source: 'news'})).toEqual({
      q: undefined,
      category: undefined,
      difficulty: undefined,
    })
    expect(parseIndexFilters({q: ['first', 'second'], difficulty: ['beginner', 'advanced']})).toMatchObject({
      q: 'first',
      difficulty: 'beginner',
    })
    expect(parseIndexFilters({q: 'x'.repeat(101)}).q).toBeUndefined()
  })
})
