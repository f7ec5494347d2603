/** @jest-environment jsdom */
import {render, screen} from '@testing-library/react'

import {PortableText} from '@/components/portable-text'

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
})
