/** @jest-environment jsdom */
import {render, screen} from '@testing-library/react'

import {MoreUnderLetter} from '@/components/more-under-letter'

describe('MoreUnderLetter', () => {
  it('says nothing when the index shows every term under the letter', () => {
    const {container} = render(<MoreUnderLetter letter="B" shown={3} matching={3} total={3} />)
    expect(container).toBeEmptyDOMElement()
  })

  it('counts what is left out and links to the letter’s page', () => {
    render(<MoreUnderLetter letter="B" shown={12} matching={412} total={412} />)
    expect(screen.getByText(/Showing 12 of 412\./)).toBeInTheDocument()
    expect(screen.getByRole('link', {name: 'All 412 terms under B'})).toHaveAttribute(
      'href',
      '/glossary/letter/b',
    )
  })

  it('tells filtered matches from all the letter’s terms, and names "#" in words', () => {
    render(<MoreUnderLetter letter="#" shown={12} matching={45} total={60} />)
    expect(screen.getByText(/Showing 12 of 45 matching\./)).toBeInTheDocument()
    expect(screen.getByRole('link', {name: 'All 60 terms under numbers and symbols'})).toHaveAttribute(
      'href',
      '/glossary/letter/other',
    )
  })
})
