/** @jest-environment jsdom */
import path from 'node:path'

import {render, screen, within} from '@testing-library/react'
import {evaluate, parse} from 'groq-js'

import {PortableText} from '@/components/portable-text'
import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {GUIDE_QUERY} from '@/sanity/queries'
import type {GUIDE_QUERY_RESULT} from '@/sanity/sanity.types'

const block = (text: string, markDefs: object[] = [], marks: string[] = []) => ({
  _type: 'block',
  _key: Math.random().toString(36).slice(2),
  style: 'normal',
  markDefs,
  children: [{_type: 'span', _key: 's', text, marks}],
})

const linked = (text: string, markDef: object) => block(text, [{_key: 'm', ...markDef}], ['m'])

describe('PortableText', () => {
  it('renders nothing for empty content', () => {
    const {container} = render(<PortableText value={[]} />)
    expect(container).toBeEmptyDOMElement()
  })

  it('renders an internal term link to the term’s current slug', () => {
    render(
      <PortableText
        value={[
          linked('link equity', {
            _type: 'internalLink',
            target: {_type: 'term', slug: 'link-equity-renamed'},
          }),
        ]}
      />,
    )
    expect(screen.getByRole('link', {name: 'link equity'})).toHaveAttribute(
      'href',
      '/glossary/link-equity-renamed',
    )
  })

  it('renders an internal guide link to the guide page, and an external guide safely', () => {
    render(
      <PortableText
        value={[
          linked('the playbook', {
            _type: 'internalLink',
            target: {_type: 'guide', slug: 'playbook', externalUrl: null},
          }),
          linked('the docs', {
            _type: 'internalLink',
            target: {_type: 'guide', slug: 'docs', externalUrl: 'https://example.com/docs'},
          }),
        ]}
      />,
    )
    expect(screen.getByRole('link', {name: 'the playbook'})).toHaveAttribute('href', '/guides/playbook')
    const external = screen.getByRole('link', {name: /the docs/})
    expect(external).toHaveAttribute('href', 'https://example.com/docs')
    expect(external).toHaveAttribute('rel', 'noopener noreferrer')
  })

  it('renders a link to a missing document as plain text', () => {
    render(<PortableText value={[linked('a deleted term', {_type: 'internalLink', target: null})]} />)
    expect(screen.getByText('a deleted term')).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('opens external links safely', () => {
    render(
      <PortableText
        value={[linked('Search Central', {_type: 'link', href: 'https://developers.google.com/search'})]}
      />,
    )
    const link = screen.getByRole('link', {name: /Search Central/})
    expect(link).toHaveAttribute('href', 'https://developers.google.com/search')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(link).toHaveAttribute('target', '_blank')
  })

  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
  ])('never makes %s a live link', (href) => {
    const {container} = render(<PortableText value={[linked('click me', {_type: 'link', href})]} />)
    expect(screen.getByText('click me')).toBeInTheDocument()
    expect(container.querySelector('a')).toBeNull()
  })

  it('renders HTML in content as text, never as markup', () => {
    const {container} = render(<PortableText value={[block('<script>alert(1)</script><b>bold</b>')]} />)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(container.textContent).toContain('<script>alert(1)</script>')
  })

  it('renders lists, headings, callouts and code', () => {
    render(
      <PortableText
        value={[
          {...block('A heading'), style: 'h3'},
          {...block('First'), listItem: 'bullet', level: 1},
          {...block('Second'), listItem: 'bullet', level: 1},
          {_type: 'callout', _key: 'c', tone: 'warning', text: 'Mind the redirects.'},
          {_type: 'codeBlock', _key: 'd', language: 'html', code: '<link rel="canonical" href="/a">'},
        ]}
      />,
    )
    expect(screen.getByRole('heading', {level: 3, name: 'A heading'})).toBeInTheDocument()
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['First', 'Second'])
    expect(screen.getByRole('note')).toHaveTextContent('Watch out:Mind the redirects.')
    expect(screen.getByText('<link rel="canonical" href="/a">').tagName).toBe('CODE')
  })

  it('shows a term link’s preview card as the link’s description', () => {
    render(
      <PortableText
        value={[
          linked('backlinks', {
            _type: 'internalLink',
            target: {
              _type: 'term',
              title: 'Backlink',
              slug: 'backlink',
              shortDefinition: 'A link from another site to yours.',
              difficulty: 'beginner',
            },
          }),
        ]}
      />,
    )
    const link = screen.getByRole('link', {name: 'backlinks'})
    expect(link).toHaveAttribute('href', '/glossary/backlink')
    expect(link).toHaveAccessibleDescription(
      'Backlink A link from another site to yours. Difficulty: Beginner',
    )
    const card = document.getElementById(link.getAttribute('aria-describedby')!)!
    expect(card).toHaveAttribute('role', 'tooltip')
    expect(card).not.toContainElement(link)
    // Shown by CSS only (globals.css): hidden until its link is hovered or focused, and out of the
    // text flow; the browser suite hovers and focuses it.
    expect(card).toHaveClass('term-preview')
    expect(link.parentElement).toHaveClass('group/term')
    expect(within(card).getByText('Backlink')).toBeInTheDocument()
  })

  it('gives each preview card its own id, even for the same term twice', () => {
    const term = {
      _type: 'term',
      title: 'SERP',
      slug: 'serp',
      shortDefinition: 'The results page.',
      difficulty: 'beginner',
    }
    render(
      <PortableText
        value={[
          linked('the SERP', {_type: 'internalLink', target: term}),
          linked('results pages', {_type: 'internalLink', target: term}),
        ]}
      />,
    )
    const ids = screen.getAllByRole('link').map((link) => link.getAttribute('aria-describedby'))
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
  })

  it('gives links to guides no preview card', () => {
    render(
      <PortableText
        value={[
          linked('the playbook', {
            _type: 'internalLink',
            target: {_type: 'guide', title: 'Playbook', slug: 'playbook', externalUrl: null},
          }),
        ]}
      />,
    )
    expect(screen.getByRole('link', {name: 'the playbook'})).not.toHaveAttribute('aria-describedby')
    expect(screen.queryByRole('tooltip')).toBeNull()
  })
})

/** The guide query (groq-js) over the real embedded dataset, rendered: the path a reader's page takes. */
describe('term references in a guide, from the dataset to the page', () => {
  let dataset: SanityDocument[]

  beforeAll(async () => {
    dataset = await readDataset(path.join(__dirname, '../../sanity/seed/dataset.ndjson'))
  })

  async function renderGuide(documents: SanityDocument[]) {
    const guide = (await (
      await evaluate(parse(GUIDE_QUERY), {dataset: documents, params: {slug: 'link-building-playbook'}})
    ).get()) as GUIDE_QUERY_RESULT
    return render(<PortableText value={guide!.body} headingLevel={2} />)
  }

  it('links each term to its current slug', async () => {
    await renderGuide(dataset)
    expect(screen.getByRole('link', {name: 'backlinks'})).toHaveAttribute('href', '/glossary/backlink')
  })

  it('follows a renamed term to its new slug', async () => {
    const renamed = dataset.map((doc) =>
      doc._id === 'term-backlink' ? {...doc, slug: {_type: 'slug', current: 'inbound-links'}} : doc,
    )
    await renderGuide(renamed)
    const link = screen.getByRole('link', {name: 'backlinks'})
    expect(link).toHaveAttribute('href', '/glossary/inbound-links')
    expect(link).toHaveAccessibleDescription(expect.stringMatching(/^Backlink /))
  })

  it('renders a link to a deleted term as plain text, never a broken link', async () => {
    await renderGuide(dataset.filter((doc) => doc._id !== 'term-backlink'))
    const paragraph = screen.getByText(/a repeatable process for earning backlinks without/)
    expect(paragraph.tagName).toBe('P')
    expect(within(paragraph).queryByRole('link')).toBeNull()
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).not.toContain(
      '/glossary/backlink',
    )
  })

  it('renders the guide’s rich-text headings under its h1', async () => {
    await renderGuide(dataset)
    expect(screen.getAllByRole('heading', {level: 2}).length).toBeGreaterThan(0)
    expect(screen.queryByRole('heading', {level: 3})).toBeNull()
  })
})
