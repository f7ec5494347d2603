/** @jest-environment jsdom */
import {render, screen} from '@testing-library/react'
import type {ObjectInputProps} from 'sanity'

import {TermFormInput} from '@/sanity/components/term-form-input'

const words = (count: number) => Array.from({length: count}, (_, i) => `word${i}`).join(' ')
const block = (text: string) => [
  {
    _type: 'block',
    _key: 'b',
    style: 'normal',
    markDefs: [],
    children: [{_type: 'span', _key: 's', text, marks: []}],
  },
]

function renderForm(value: Record<string, unknown> | undefined) {
  const props = {
    value,
    renderDefault: () => <div data-testid="default-form" />,
  } as unknown as ObjectInputProps
  return render(<TermFormInput {...props} />)
}

describe('TermFormInput', () => {
  it('shows the reading time of the draft above the usual form', () => {
    renderForm({title: 'Backlink', intro: block(words(440)), whatItMeans: block(words(220))})
    expect(screen.getByRole('status')).toHaveTextContent('Reading time: 3 min, as the page will show it.')
    expect(screen.getByTestId('default-form')).toBeInTheDocument()
  })

  it('counts every part the page counts, including the business context', () => {
    const {rerender} = renderForm({intro: block(words(200))})
    expect(screen.getByRole('status')).toHaveTextContent('1 min')
    const props = {
      value: {intro: block(words(200)), businessContext: {body: block(words(460))}},
      renderDefault: () => <div />,
    } as unknown as ObjectInputProps
    rerender(<TermFormInput {...props} />)
    expect(screen.getByRole('status')).toHaveTextContent('3 min')
  })

  it('starts a new, empty term at one minute', () => {
    renderForm(undefined)
    expect(screen.getByRole('status')).toHaveTextContent('1 min')
  })
})
