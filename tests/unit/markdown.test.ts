import {JSDOM} from 'jsdom'
import MarkdownIt from 'markdown-it'

import {codeBlock, escapeMarkdown} from '@/lib/markdown/escape'
import {portableTextToMarkdown} from '@/lib/markdown/portable-text'
import {siteUrl} from '@/lib/site/urls'

// A CommonMark renderer that lets raw HTML through: the worst case for what we write.
const render = (markdown: string) => new MarkdownIt({html: true}).render(markdown)

/** The text and element names of rendered HTML, read by a real DOM parser. */
function readHtml(html: string) {
  const body = new JSDOM(html).window.document.body
  return {
    text: body.textContent!.trim(),
    tags: [...body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()),
  }
}

let key = 0
const span = (text: string, marks: string[] = []) => ({_type: 'span', _key: `s${key++}`, text, marks})
const block = (children: object[], extra: object = {}) => ({
  _type: 'block',
  _key: `b${key++}`,
  style: 'normal',
  markDefs: [],
  children,
  ...extra,
})

const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '*not emphasis* and _not either_ and `not code`',
  '[not a link](javascript:alert(1))',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '1. not a list either',
  '&lt;b&gt; stays as typed, AT&T too',
]

describe('escapeMarkdown', () => {
  it.each(HOSTILE_TEXT)('renders %j as exactly that text', (text) => {
    expect(readHtml(render(escapeMarkdown(text)))).toEqual({text, tags: ['p']})
  })

  it('keeps ordinary words readable', () => {
    expect(escapeMarkdown('Links & Authority: click-through rate')).toBe(
      'Links & Authority: click-through rate',
    )
  })
})

describe('code', () => {
  it('fences inline code and code blocks longer than any backtick run inside', () => {
    const inline = (code: string) => render(portableTextToMarkdown([block([span(code, ['code'])])]))
    expect(inline('a `b` c')).toBe('<p><code>a `b` c</code></p>\n')
    expect(inline('`x`')).toBe('<p><code>`x`</code></p>\n')
    const fenced = codeBlock('```\n<b>html</b>\n```', 'html')
    expect(render(fenced)).toBe(
      '<pre><code class="language-html">```\n&lt;b&gt;html&lt;/b&gt;\n```\n</code></pre>\n',
    )
  })

  it('drops an info string that is not a plain language name', () => {
    expect(codeBlock('x', 'js onload=alert(1)')).toBe('```\nx\n```')
  })
})

describe('portableTextToMarkdown', () => {
  it.each(HOSTILE_TEXT)('renders a paragraph of %j as exactly that text', (text) => {
    expect(readHtml(render(portableTextToMarkdown([block([span(text)])])))).toEqual({text, tags: ['p']})
  })

  it('writes headings, quotes, marks and paragraphs', () => {
    const markdown = portableTextToMarkdown([
      block([span('Heading')], {style: 'h3'}),
      block([span('Plain '), span('bold', ['strong']), span(' and '), span('both', ['strong', 'em'])]),
      block([span('Quoted')], {style: 'blockquote'}),
      block([span('Use '), span('rel="nofollow"', ['code'])]),
    ])
    expect(markdown).toBe('### Heading\n\nPlain **bold** and **_both_**\n\n> Quoted\n\nUse `rel="nofollow"`')
  })

  it('keeps safe links, drops unsafe ones but keeps their words, and resolves internal links', () => {
    const markdown = portableTextToMarkdown([
      block(
        [
          span('safe', ['a']),
          span(' '),
          span('unsafe', ['b']),
          span(' '),
          span('term', ['c']),
          span(' '),
          span('gone', ['d']),
        ],
        {
          markDefs: [
            {_type: 'link', _key: 'a', href: 'https://example.com/a (b)'},
            {_type: 'link', _key: 'b', href: 'javascript:alert(1)'},
            {_type: 'internalLink', _key: 'c', target: {_type: 'term', slug: 'backlink'}},
            {_type: 'internalLink', _key: 'd', target: null},
          ],
        },
      ),
    ])
    expect(markdown).toBe(
      `[safe](https://example.com/a%20%28b%29) unsafe [term](${siteUrl}/glossary/backlink) gone`,
    )
    expect(render(markdown)).not.toContain('javascript:')
  })

  it('nests list items by level and starts a new list after other blocks', () => {
    const markdown = portableTextToMarkdown([
      block([span('one')], {listItem: 'bullet', level: 1}),
      block([span('one.a')], {listItem: 'number', level: 2}),
      block([span('two')], {listItem: 'bullet', level: 1}),
      block([span('after')]),
    ])
    expect(markdown).toBe('- one\n   1. one.a\n- two\n\nafter')
    expect(render(markdown)).toBe(
      '<ul>\n<li>one\n<ol>\n<li>one.a</li>\n</ol>\n</li>\n<li>two</li>\n</ul>\n<p>after</p>\n',
    )
  })

  it('writes callouts as quotes and escapes their text', () => {
    expect(
      portableTextToMarkdown([{_type: 'callout', _key: 'c', tone: 'warning', text: '<b>careful</b>'}]),
    ).toBe('> **Watch out:** \\<b\\>careful\\</b\\>')
  })

  it('leaves out what it cannot show: images without a source, unknown blocks, empty text', () => {
    expect(
      portableTextToMarkdown([
        {_type: 'image', _key: 'i', alt: 'A chart', asset: {_ref: 'image-abc-800x600-png'}},
        {_type: 'mystery', _key: 'm'},
        block([span('  ')]),
      ]),
    ).toBe('')
    expect(portableTextToMarkdown(null)).toBe('')
  })
})
