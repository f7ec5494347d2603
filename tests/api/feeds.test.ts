import {JSDOM} from 'jsdom'

import {GET as feedXml} from '@/app/feed.xml/route'
import {GET as llmsTxt} from '@/app/llms.txt/route'
import {listTerms} from '@/lib/content'
import {termsAtomFeed} from '@/lib/seo/feed'
import {escapeMarkdown} from '@/lib/markdown/escape'
import {siteUrl} from '@/lib/site/urls'

const ATOM = 'http://www.w3.org/2005/Atom'

/** Parses XML with the DOM's XML parser; a document that is not well-formed fails the test. */
function parseXml(text: string): Document {
  const {DOMParser} = new JSDOM('').window
  const document = new DOMParser().parseFromString(text, 'application/xml')
  const error = document.getElementsByTagName('parsererror')[0]
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`)
  return document
}

const child = (parent: Element, name: string) =>
  [...parent.children].find((element) => element.namespaceURI === ATOM && element.localName === name)
const isRfc3339 = (value: string | undefined) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value ?? '') &&
  !Number.isNaN(Date.parse(value!))

describe('the XML check', () => {
  it('rejects a document that is not well-formed', () => {
    expect(() => parseXml('<feed><entry></feed>')).toThrow(/not well-formed/)
  })
})

describe('GET /feed.xml', () => {
  let feed: Element
  let entries: Element[]

  beforeAll(async () => {
    const response = await feedXml()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    feed = parseXml(await response.text()).documentElement
    entries = [...feed.children].filter((element) => element.localName === 'entry')
  })

  it('is an Atom feed with the elements RFC 4287 requires', () => {
    expect(feed.namespaceURI).toBe(ATOM)
    expect(feed.localName).toBe('feed')
    expect(child(feed, 'id')?.textContent).toBe(`${siteUrl}/feed.xml`)
    expect(child(feed, 'title')?.textContent).toMatch(/\S/)
    expect(isRfc3339(child(feed, 'updated')?.textContent ?? undefined)).toBe(true)
    expect(child(feed, 'author') && child(child(feed, 'author')!, 'name')?.textContent).toMatch(/\S/)
    const self = [...feed.children].find(
      (element) => element.localName === 'link' && element.getAttribute('rel') === 'self',
    )
    expect(self?.getAttribute('href')).toBe(`${siteUrl}/feed.xml`)
  })

  it('has the 30 most recently updated terms, newest first, each a complete entry', async () => {
    const terms = await listTerms()
    const newest = [...terms].sort((a, b) => b.updated.localeCompare(a.updated))
    expect(entries).toHaveLength(Math.min(30, terms.length))
    const ids = entries.map((entry) => child(entry, 'id')!.textContent)
    expect(ids[0]).toBe(`${siteUrl}/glossary/${newest[0]!.slug}`)
    expect(new Set(ids).size).toBe(ids.length)
    const dates = entries.map((entry) => child(entry, 'updated')!.textContent!)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(child(feed, 'updated')!.textContent).toBe(dates[0])
    for (const entry of entries) {
      expect(child(entry, 'title')?.textContent).toMatch(/\S/)
      expect(isRfc3339(child(entry, 'updated')?.textContent ?? undefined)).toBe(true)
      const link = child(entry, 'link')!
      expect(link.getAttribute('rel')).toBe('alternate')
      expect(link.getAttribute('href')).toBe(child(entry, 'id')!.textContent)
      expect(child(child(entry, 'author')!, 'name')?.textContent).toMatch(/\S/)
      expect(child(entry, 'summary')?.textContent).toMatch(/\S/)
    }
  })

  it('keeps markup in content as text', () => {
    const xml = termsAtomFeed([
      {
        _id: 'x',
        title: 'Tags <b> & "quotes"',
        slug: 'tags',
        shortDefinition: '</summary><evil/>',
        quickAnswer: 'a < b',
        updated: '2026-01-02',
        category: 'A & B',
        author: 'Ann <ann@example.com>',
      },
    ])
    const entry = parseXml(xml).getElementsByTagNameNS(ATOM, 'entry')[0]!
    expect(child(entry, 'title')!.textContent).toBe('Tags <b> & "quotes"')
    expect(child(entry, 'summary')!.textContent).toBe('</summary><evil/>')
    expect(child(entry, 'category')!.getAttribute('term')).toBe('A & B')
    expect(child(entry, 'updated')!.textContent).toBe('2026-01-02T00:00:00Z')
  })
})

describe('GET /llms.txt', () => {
  let text: string

  beforeAll(async () => {
    const response = await llmsTxt()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    text = await response.text()
  })

  it('follows the llms.txt layout: H1, summary quote, details, then H2 sections of link lists', () => {
    const blocks = text.trim().split(/\n{2,}/)
    expect(blocks[0]).toBe('# Search Glossary')
    expect(blocks[1]).toMatch(/^> \S/)
    expect(blocks.filter((block) => block.startsWith('# '))).toHaveLength(1)
    const firstSection = blocks.findIndex((block) => block.startsWith('## '))
    expect(firstSection).toBeGreaterThan(1)
    for (const block of blocks.slice(2, firstSection)) expect(block).not.toMatch(/^#/)
    const sections = blocks.slice(firstSection)
    for (let i = 0; i < sections.length; i += 2) {
      expect(sections[i]).toMatch(/^## \S/)
      for (const line of sections[i + 1]!.split('\n')) {
        expect(line).toMatch(/^- \[[^\]]+\]\([^)\s]+\)(: .+)?$/)
      }
    }
  })

  it('links every term once, to its Markdown rendition, with its short definition', async () => {
    const terms = await listTerms()
    const links = [...text.matchAll(/^- \[(.+?)\]\((\S+?)\): (.+)$/gm)]
    const termLinks = links.filter(([, , url]) => url!.startsWith(`${siteUrl}/glossary/`))
    expect(termLinks).toHaveLength(terms.length)
    for (const term of terms) {
      const link = termLinks.find(([, , url]) => url === `${siteUrl}/glossary/${term.slug}.md`)
      expect(link).toBeDefined()
      expect(link![3]).toBe(escapeMarkdown(term.shortDefinition))
    }
  })
})
