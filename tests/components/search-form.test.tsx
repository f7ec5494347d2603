import {JSDOM} from 'jsdom'
import {renderToString} from 'react-dom/server'

import {SearchForm} from '@/components/search-form'

jest.mock('next/navigation', () => ({useRouter: () => ({push: jest.fn()})}))

/** The HTML a reader without JavaScript gets, read back with a DOM parser. */
describe('SearchForm as the server renders it', () => {
  const html = renderToString(<SearchForm landmarkLabel="Site search" defaultValue="inbound" />)
  const {document} = new JSDOM(html).window

  it('is a labelled GET form to /glossary with a q field and a submit button', () => {
    const form = document.querySelector('form')!
    expect(form.getAttribute('action')).toBe('/glossary')
    expect(form.getAttribute('method')).toBe('get')
    expect(form.getAttribute('role')).toBe('search')
    expect(form.getAttribute('aria-label')).toBe('Site search')
    const input = form.querySelector('input')!
    expect(input.name).toBe('q')
    expect(input.type).toBe('search')
    expect(input.value).toBe('inbound')
    expect(input.labels?.[0]?.textContent).toBe('Search the glossary')
    expect(form.querySelector('button[type="submit"]')?.textContent).toBe('Search')
  })

  it('does not claim to be a combobox before the script that makes it one has run', () => {
    const input = document.querySelector('input')!
    expect(input.getAttribute('role')).toBeNull()
    expect(input.hasAttribute('aria-expanded')).toBe(false)
    expect(document.querySelector('[role="listbox"]')).toBeNull()
  })
})
