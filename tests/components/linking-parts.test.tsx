/** @jest-environment jsdom */
import {act, fireEvent, render, screen, within} from '@testing-library/react'

import {CiteTerm, citationFor} from '@/app/(site)/glossary/[slug]/_components/cite-term'
import {ReferencedBy} from '@/app/(site)/glossary/[slug]/_components/referenced-by'

describe('ReferencedBy', () => {
  it('lists the linking guides and terms under an h2 with a copyable anchor', () => {
    render(
      <ReferencedBy
        slug="backlink"
        documents={[
          {_type: 'term', title: 'Anchor Text', slug: 'anchor-text'},
          {_type: 'guide', title: 'The Link Building Playbook', slug: 'link-building-playbook'},
        ]}
      />,
    )
    const section = screen.getByRole('region', {name: 'Referenced By'})
    expect(within(section).getByRole('heading', {level: 2, name: 'Referenced By'})).toHaveAttribute(
      'id',
      'referenced-by',
    )
    expect(
      within(section).getByRole('button', {name: 'Copy link to the section "Referenced By"'}),
    ).toBeInTheDocument()
    const guides = within(section).getByRole('heading', {level: 3, name: 'Guides'}).nextElementSibling!
    expect(within(guides as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      '/guides/link-building-playbook',
    )
    const terms = within(section).getByRole('heading', {level: 3, name: 'Terms'}).nextElementSibling!
    expect(within(terms as HTMLElement).getByRole('link')).toHaveAttribute('href', '/glossary/anchor-text')
  })

  it('leaves out an empty group', () => {
    render(<ReferencedBy slug="x" documents={[{_type: 'term', title: 'Anchor Text', slug: 'anchor-text'}]} />)
    expect(screen.queryByRole('heading', {name: 'Guides'})).toBeNull()
  })
})

describe('CiteTerm', () => {
  const term = {title: 'Backlink', slug: 'backlink', updated: '2026-03-25'}
  const original = navigator.clipboard

  afterEach(() => {
    Object.defineProperty(navigator, 'clipboard', {value: original, configurable: true})
  })

  it('cites title, site, updated date and the absolute URL', () => {
    expect(citationFor(term)).toBe(
      '“Backlink.” Search Glossary. Updated 25 Mar 2026. http://localhost:3000/glossary/backlink',
    )
  })

  it('shows the citation and copies exactly that text', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', {value: {writeText}, configurable: true})
    render(<CiteTerm term={term} />)
    const section = screen.getByRole('region', {name: 'Cite this term'})
    expect(section.querySelector('blockquote')).toHaveTextContent(citationFor(term))

    await act(async () => fireEvent.click(within(section).getByRole('button', {name: 'Copy citation'})))

    expect(writeText).toHaveBeenCalledWith(citationFor(term))
  })
})
