import {readDataset} from '@/lib/content/dataset'
import {mentionFinder, type MentionableTerm} from '@/lib/links/unlinked-mentions'

const TERMS: MentionableTerm[] = [
  {id: 'term-backlink', title: 'Backlink', aliases: ['inbound link']},
  {id: 'term-anchor-text', title: 'Anchor Text'},
  {id: 'term-text', title: 'Text'},
  {id: 'term-agency', title: 'Agency'},
  {id: 'term-eeat', title: 'E-E-A-T'},
  {id: 'term-robots-txt', title: 'robots.txt'},
]

let keys = 0
const key = () => `k${++keys}`
const span = (text: string, marks: string[] = []) => ({_type: 'span', _key: key(), text, marks})
const block = <Child extends object>(children: Child[], extra: object = {}) => ({
  _type: 'block',
  _key: key(),
  style: 'normal',
  markDefs: [],
  children,
  ...extra,
})
const guide = (...body: object[]) => ({_id: 'guide-g', _type: 'guide', body})
const found = (document: {_id?: string}, terms = TERMS) =>
  mentionFinder(terms)(document).map(({text, termId}) => [text, termId])

describe('mentionFinder', () => {
  const unlinkedMentionsIn = mentionFinder(TERMS)

  it.each([
    ['a title as written', 'A backlink helps.', [['backlink', 'term-backlink']]],
    [
      'any case',
      'BACKLINK and Backlink',
      [
        ['BACKLINK', 'term-backlink'],
        ['Backlink', 'term-backlink'],
      ],
    ],
    ['a plural', 'Earn backlinks.', [['backlinks', 'term-backlink']]],
    ['a -ies plural', 'Two agencies.', [['agencies', 'term-agency']]],
    ['a possessive', "The backlink's value", [["backlink's", 'term-backlink']]],
    ['an alias', 'An inbound link counts.', [['inbound link', 'term-backlink']]],
    ['a plural alias', 'Inbound links count.', [['Inbound links', 'term-backlink']]],
    ['a hyphenated name', 'Show E-E-A-T.', [['E-E-A-T', 'term-eeat']]],
    ['a name with a dot', 'Edit robots.txt today.', [['robots.txt', 'term-robots-txt']]],
    ['the longest of overlapping names', 'Use anchor text.', [['anchor text', 'term-anchor-text']]],
    ['the shorter name alone', 'Plain text.', [['text', 'term-text']]],
    ['no part of a longer word', 'Backlinking and textual', []],
    ['no part of a hyphenated word', 'A non-backlink.', []],
  ])('finds %s', (_, text, expected) => {
    expect(found(guide(block([span(text)])))).toEqual(expected)
  })

  it('gives the offsets in the span and the path of the block, as a patch needs them', () => {
    const paragraph = block([span('Earn backlinks.')])
    const [mention] = unlinkedMentionsIn(guide(paragraph))
    expect(mention).toMatchObject({
      blockPath: `body[_key=="${paragraph._key}"]`,
      spanKey: paragraph.children[0]!._key,
      start: 5,
      end: 14,
      name: 'backlink',
      termTitle: 'Backlink',
      linkedElsewhere: false,
    })
  })

  it('skips text inside a link, external or internal', () => {
    const linked = block([span('backlink', ['l1']), span(' and '), span('anchor text', ['l2'])], {
      markDefs: [
        {_key: 'l1', _type: 'internalLink', reference: {_type: 'reference', _ref: 'term-backlink'}},
        {_key: 'l2', _type: 'link', href: 'https://example.com'},
      ],
    })
    expect(found(guide(linked))).toEqual([])
  })

  it('says when the document links the term elsewhere already', () => {
    const linked = block([span('backlink', ['l1'])], {
      markDefs: [{_key: 'l1', _type: 'internalLink', reference: {_type: 'reference', _ref: 'term-backlink'}}],
    })
    const [mention] = unlinkedMentionsIn(guide(linked, block([span('More backlinks.')])))
    expect(mention).toMatchObject({text: 'backlinks', linkedElsewhere: true})
  })

  it('skips headings and code', () => {
    expect(
      found(guide(block([span('Backlink basics')], {style: 'h2'}), block([span('backlink()', ['code'])]))),
    ).toEqual([])
    expect(found(guide({_type: 'codeBlock', _key: key(), code: 'const backlink = 1'}))).toEqual([])
  })

  it('never has a term mention itself, as a draft or published', () => {
    const term = {_type: 'term', body: [block([span('A backlink is a link.')])]}
    expect(found({...term, _id: 'term-backlink'})).toEqual([])
    expect(found({...term, _id: 'drafts.term-backlink'})).toEqual([])
    expect(found({...term, _id: 'term-other'})).toEqual([['backlink', 'term-backlink']])
  })

  it('reads every rich-text field of a term, nested ones included, with their paths', () => {
    const nested = block([span('An agency.')])
    const term = {_id: 'term-x', _type: 'term', businessContext: {body: [nested]}}
    expect(unlinkedMentionsIn(term).map((mention) => mention.blockPath)).toEqual([
      `businessContext.body[_key=="${nested._key}"]`,
    ])
  })

  it('finds every mention in a 100,000-character body', () => {
    const sentence = 'Earn backlinks with anchor text an agency trusts, and check robots.txt. '
    const paragraphs = Array.from({length: Math.ceil(100_000 / (sentence.length * 10))}, () =>
      block([span(sentence.repeat(10))]),
    )
    const mentions = unlinkedMentionsIn(guide(...paragraphs))
    expect(mentions).toHaveLength(paragraphs.length * 10 * 4)
  })

  it('finds the mentions the real guides leave unlinked, against the real terms', async () => {
    const documents = await readDataset('sanity/seed/dataset.ndjson')
    const terms = documents
      .filter((doc) => doc._type === 'term')
      .map((doc) => ({id: doc._id, title: doc.title as string, aliases: doc.aliases as string[] | undefined}))
    const guides = documents.filter((doc) => doc._type === 'guide')
    const mentions = guides.flatMap(mentionFinder(terms))
    expect(mentions.length).toBeGreaterThan(0)
    for (const mention of mentions) {
      const names = [mention.termTitle, ...(terms.find((term) => term.id === mention.termId)?.aliases ?? [])]
      expect(names.map((name) => name.toLowerCase())).toContain(mention.name)
      expect(mention.text.toLowerCase().startsWith(mention.name.replace(/y$/, ''))).toBe(true)
    }
  })
})
