import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {listTerms} from '@/lib/content'
import {foldText} from '@/lib/search/fold'
import {buildSearchIndex, MatchKind, searchIndex} from '@/lib/search/search-index'

describe('foldText', () => {
  it('ignores case, accents and punctuation', () => {
    expect(foldText('Backlínk')).toBe('backlink')
    expect(foldText('  CLICK-Through   Rate ')).toBe('click through rate')
    expect(foldText('Robots.txt')).toBe('robots txt')
    expect(foldText('Ｅ－Ｅ－Ａ－Ｔ')).toBe('e e a t')
    expect(foldText('?!')).toBe('')
  })
})

describe('searchIndex ranking', () => {
  const term = (title: string, aliases: string[] = [], shortDefinition = 'A term.') => ({
    title,
    slug: foldText(title).replace(/ /g, '-'),
    shortDefinition,
    aliases,
  })
  const index = buildSearchIndex([
    term('Cartography', [], 'Drawing maps of a crawl.'),
    term('Crawl', ['spidering']),
    term('Crawl Budget'),
    term('Spider', ['crawl bot', 'crawler']),
    term('Robot', ['crawl']),
  ])

  it('ranks exact title, exact alias, title prefix, alias prefix, then text', () => {
    const {hits} = searchIndex(index, 'crawl')
    expect(hits.map((hit) => [hit.term.title, hit.match, hit.matchedAlias])).toEqual([
      ['Crawl', MatchKind.title, null],
      ['Robot', MatchKind.alias, 'crawl'],
      ['Crawl Budget', MatchKind.titlePrefix, null],
      ['Spider', MatchKind.aliasPrefix, 'crawl bot'],
      ['Cartography', MatchKind.text, null],
    ])
  })

  it('matches every query word against the start of a word, in any order', () => {
    expect(searchIndex(index, 'budget crawl').hits.map((hit) => hit.term.title)).toEqual(['Crawl Budget'])
    expect(searchIndex(index, 'bot').hits.map((hit) => [hit.term.title, hit.matchedAlias])).toEqual([
      ['Spider', 'crawl bot'],
    ])
    expect(searchIndex(index, 'maps drawing').hits.map((hit) => hit.term.title)).toEqual(['Cartography'])
    expect(searchIndex(index, 'rawl').total).toBe(0)
  })

  it('counts every match and returns at most the limit', () => {
    const {total, hits} = searchIndex(index, 'crawl', 2)
    expect(total).toBe(5)
    expect(hits.map((hit) => hit.term.title)).toEqual(['Crawl', 'Robot'])
  })
})

describe('search over the embedded dataset', () => {
  let index: ReturnType<typeof buildSearchIndex<Awaited<ReturnType<typeof listTerms>>[number]>>
  const titles = (query: string, limit?: number) =>
    searchIndex(index, query, limit).hits.map((hit) => hit.term.title)

  beforeAll(async () => {
    index = buildSearchIndex(await listTerms())
  })

  it('finds Backlink by its alias "inbound link" and says which alias matched', () => {
    const [first] = searchIndex(index, 'inbound link').hits
    expect(first).toMatchObject({
      term: {slug: 'backlink'},
      match: MatchKind.alias,
      matchedAlias: 'inbound link',
    })
  })

  it('finds a term whatever the case or accents', () => {
    for (const query of ['backlínk', 'BACKLINK', 'Báckliñk ']) {
      const [first] = searchIndex(index, query).hits
      expect(first).toMatchObject({term: {slug: 'backlink'}, match: MatchKind.title, matchedAlias: null})
    }
  })

  it('finds terms by the first letters of their title or of an alias', () => {
    expect(titles('canon', 1)).toEqual(['Canonical URL'])
    expect(searchIndex(index, 'inbo').hits[0]).toMatchObject({
      term: {slug: 'backlink'},
      match: MatchKind.aliasPrefix,
      matchedAlias: 'inbound link',
    })
    expect(searchIndex(index, 'ctr').hits[0]).toMatchObject({
      term: {slug: 'click-through-rate'},
      matchedAlias: 'CTR',
    })
  })

  it('puts title prefixes before alias prefixes and word matches for "link"', () => {
    const {hits} = searchIndex(index, 'link')
    expect(hits.slice(0, 2).map((hit) => hit.term.title)).toEqual(['Link Building', 'Link Equity'])
    const kinds = hits.map((hit) => hit.match)
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b))
    expect(hits.find((hit) => hit.term.slug === 'anchor-text')).toMatchObject({
      match: MatchKind.aliasPrefix,
      matchedAlias: 'link text',
    })
    expect(hits.find((hit) => hit.term.slug === 'internal-link')?.match).toBe(MatchKind.nameWords)
  })

  it('finds a term by words of its short definition', () => {
    expect(titles('credible citing')).toContain('Backlink')
  })

  it('finds nothing for a phrase no term uses, or for no words at all', () => {
    expect(searchIndex(index, 'quantum blockchain')).toEqual({total: 0, hits: []})
    expect(searchIndex(index, '   ')).toEqual({total: 0, hits: []})
    expect(searchIndex(index, '?!*')).toEqual({total: 0, hits: []})
  })
})

describe('the shared search index', () => {
  let folder: string
  const original = process.env.CONTENT_DATASET_FILE

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'search-index-'))
    await copyFile(
      path.join(process.cwd(), 'sanity/seed/dataset.ndjson'),
      path.join(folder, 'dataset.ndjson'),
    )
    process.env.CONTENT_DATASET_FILE = path.join(folder, 'dataset.ndjson')
  })

  afterAll(async () => {
    if (original === undefined) delete process.env.CONTENT_DATASET_FILE
    else process.env.CONTENT_DATASET_FILE = original
    await rm(folder, {recursive: true, force: true})
  })

  it('is built once per content version and rebuilt when the content changes', async () => {
    jest.resetModules()
    const {searchTerms, termSearchIndex} = await import('@/lib/search/term-search')
    const first = await termSearchIndex()
    expect(await termSearchIndex()).toBe(first)
    expect((await searchTerms('zebra crossing')).total).toBe(0)

    const file = process.env.CONTENT_DATASET_FILE!
    const lines = (await readFile(file, 'utf8')).split('\n').map((line) => {
      if (!line.includes('"_id":"term-backlink"')) return line
      const doc = JSON.parse(line)
      return JSON.stringify({...doc, aliases: [...doc.aliases, 'zebra crossing link']})
    })
    // A later mtime than the copy, whatever the file system's timestamp resolution.
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeFile(file, lines.join('\n'))

    const second = await termSearchIndex()
    expect(second).not.toBe(first)
    const {results} = await searchTerms('zebra crossing')
    expect(results).toEqual([
      expect.objectContaining({slug: 'backlink', matchedAlias: 'zebra crossing link'}),
    ])
  })
})
