import {formatDate} from '@/lib/text/dates'
import {readingMinutes} from '@/lib/text/reading-time'
import {pathOnOrigin, safeHref} from '@/lib/text/safe-url'
import {slugify} from '@/lib/text/slug'

const paragraph = (words: number) => [
  {
    _type: 'block',
    _key: 'k',
    style: 'normal',
    markDefs: [],
    children: [{_type: 'span', _key: 's', text: 'word '.repeat(words), marks: []}],
  },
]

describe('readingMinutes', () => {
  it('is at least one minute for a tiny term', () => {
    expect(readingMinutes({title: 'SEO', richText: []})).toBe(1)
  })

  it('counts every text field, rich text included', () => {
    expect(readingMinutes({title: 'T', quickAnswer: 'word '.repeat(219), richText: [paragraph(660)]})).toBe(4)
    expect(readingMinutes({keyTakeaways: ['word '.repeat(440)], richText: [null, paragraph(440)]})).toBe(4)
  })
})

describe('formatDate', () => {
  it('shows an editorial date as day, short month and year', () => {
    expect(formatDate('2026-03-25')).toBe('25 Mar 2026')
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026')
  })
})

describe('safeHref', () => {
  it.each(['https://example.com/a?b=1', 'http://example.com/', 'mailto:team@example.com'])(
    'keeps %s',
    (url) => {
      expect(safeHref(url)).toBe(url)
    },
  )

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    '/relative',
    '',
    42,
    null,
  ])('refuses %p', (url) => {
    expect(safeHref(url)).toBeNull()
  })
})

describe('slugify', () => {
  it('builds URL segments from phrases', () => {
    expect(slugify('Inbound Link')).toBe('inbound-link')
    expect(slugify('  E-E-A-T ')).toBe('e-e-a-t')
    expect(slugify('Méta Robots')).toBe('meta-robots')
    expect(slugify('Links & Authority')).toBe('links-and-authority')
  })
})

describe('pathOnOrigin', () => {
  const origin = 'https://glossary.example.com'

  it('keeps a path on the site, with its query and fragment', () => {
    expect(pathOnOrigin('/glossary/backlink?from=studio#intro', origin)).toBe(
      '/glossary/backlink?from=studio#intro',
    )
    expect(pathOnOrigin('/', origin)).toBe('/')
  })

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['a tab browsers drop (/%09/ decoded)', '/\t/evil.example'],
    ['a newline', '/glossary\n/x'],
    ['a C1 control character', '/glossary\u0085'],
    ['a relative path', 'glossary/backlink'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('refuses %s', (_, target) => {
    expect(pathOnOrigin(target, origin)).toBeNull()
  })
})
