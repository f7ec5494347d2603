/** @jest-environment jsdom */
import {act, fireEvent, render, screen, waitFor} from '@testing-library/react'

import {SearchCombobox} from '@/components/search-combobox.client'
import type {SearchSuggestions} from '@/lib/search/suggestions'

const push = jest.fn()
jest.mock('next/navigation', () => ({useRouter: () => ({push})}))

const answer: SearchSuggestions = {
  query: 'inb',
  total: 2,
  results: [
    {
      title: 'Backlink',
      url: '/glossary/backlink',
      shortDefinition: 'A link on another website.',
      difficulty: 'beginner',
      matchedAlias: 'inbound link',
    },
    {
      title: 'Internal Link',
      url: '/glossary/internal-link',
      shortDefinition: 'A link within one site.',
      difficulty: 'beginner',
      matchedAlias: null,
    },
  ],
}

describe('SearchCombobox', () => {
  let fetchMock: jest.Mock

  beforeEach(() => {
    push.mockReset()
    fetchMock = jest.fn(async (url: string) => ({
      ok: true,
      json: async () => ({...answer, query: new URL(url, 'http://localhost').searchParams.get('q')}),
    }))
    Object.defineProperty(window, 'fetch', {value: fetchMock, configurable: true, writable: true})
  })

  async function typeInto(value: string) {
    render(
      <form action="/glossary">
        <SearchCombobox label="Search the glossary" />
      </form>,
    )
    const input = screen.getByRole('combobox', {name: 'Search the glossary'})
    act(() => input.focus())
    for (let end = 1; end <= value.length; end++) {
      fireEvent.change(input, {target: {value: value.slice(0, end)}})
    }
    await screen.findByRole('option', {name: /Backlink/})
    return input as HTMLInputElement
  }

  it('asks the search endpoint once the typing pauses and lists the suggestions', async () => {
    const input = await typeInto('inb')
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0][0]).toBe('/api/search?q=inb')
    expect(input).toHaveAttribute('aria-expanded', 'true')
    const listbox = screen.getByRole('listbox')
    expect(input).toHaveAttribute('aria-controls', listbox.id)
    expect(screen.getAllByRole('option')).toHaveLength(2)
    expect(screen.getByRole('option', {name: /Backlink/})).toHaveTextContent('Also known as inbound link')
    expect(screen.getByRole('status')).toHaveTextContent('2 terms found.')
  })

  it('moves through the options with the arrow keys, wrapping around', async () => {
    const input = await typeInto('inb')
    const [first, second] = screen.getAllByRole('option')
    expect(input).not.toHaveAttribute('aria-activedescendant')

    fireEvent.keyDown(input, {key: 'ArrowDown'})
    expect(input).toHaveAttribute('aria-activedescendant', first!.id)
    expect(first).toHaveAttribute('aria-selected', 'true')
    fireEvent.keyDown(input, {key: 'ArrowDown'})
    expect(input).toHaveAttribute('aria-activedescendant', second!.id)
    expect(first).toHaveAttribute('aria-selected', 'false')
    fireEvent.keyDown(input, {key: 'ArrowDown'})
    expect(input).toHaveAttribute('aria-activedescendant', first!.id)
    fireEvent.keyDown(input, {key: 'ArrowUp'})
    expect(input).toHaveAttribute('aria-activedescendant', second!.id)
  })

  it('opens the highlighted term on Enter', async () => {
    const input = await typeInto('inb')
    fireEvent.keyDown(input, {key: 'ArrowDown'})
    const submitted = fireEvent.keyDown(input, {key: 'Enter'})
    expect(submitted).toBe(false)
    expect(push).toHaveBeenCalledWith('/glossary/backlink')
    expect(input.value).toBe('')
    expect(input).toHaveAttribute('aria-expanded', 'false')
  })

  it('lets Enter submit the form when no option is highlighted', async () => {
    const input = await typeInto('inb')
    expect(fireEvent.keyDown(input, {key: 'Enter'})).toBe(true)
    expect(push).not.toHaveBeenCalled()
  })

  it('closes the list on Escape, then clears the field on a second Escape', async () => {
    const input = await typeInto('inb')
    fireEvent.keyDown(input, {key: 'ArrowDown'})
    fireEvent.keyDown(input, {key: 'Escape'})
    expect(input).toHaveAttribute('aria-expanded', 'false')
    expect(input).not.toHaveAttribute('aria-activedescendant')
    expect(screen.getByRole('listbox', {hidden: true})).not.toBeVisible()
    expect(input.value).toBe('inb')
    fireEvent.keyDown(input, {key: 'Escape'})
    expect(input.value).toBe('')
  })

  it('opens a suggestion on click', async () => {
    await typeInto('inb')
    fireEvent.click(screen.getByRole('option', {name: /Internal Link/}))
    expect(push).toHaveBeenCalledWith('/glossary/internal-link')
  })

  it('says so when nothing matches', async () => {
    fetchMock.mockImplementation(async () => ({
      ok: true,
      json: async () => ({query: 'zzz', total: 0, results: []}),
    }))
    render(<SearchCombobox label="Search the glossary" />)
    const input = screen.getByRole('combobox')
    act(() => input.focus())
    fireEvent.change(input, {target: {value: 'zzz'}})
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No terms found.'))
    expect(input).toHaveAttribute('aria-expanded', 'false')
  })
})
