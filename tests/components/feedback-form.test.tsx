/** @jest-environment jsdom */
import {act, fireEvent, render, screen, waitFor, within} from '@testing-library/react'

import {FeedbackForm} from '@/app/(site)/glossary/[slug]/_components/feedback.client'

/** What the API answered, and what the widget sent it. */
let answerWith: () => Promise<{ok: boolean; status: number}>
let sent: Record<string, unknown>[]

beforeEach(() => {
  localStorage.clear()
  sent = []
  answerWith = async () => ({ok: true, status: 200})
  globalThis.fetch = jest.fn(async (url: string, init: RequestInit) => {
    expect(url).toBe('/api/feedback')
    expect(init.method).toBe('POST')
    expect(new Headers(init.headers).get('content-type')).toBe('application/json')
    sent.push(JSON.parse(init.body as string))
    return answerWith()
  }) as unknown as typeof fetch
})

const renderForm = () => render(<FeedbackForm termId="term-backlink" returnTo="/glossary/backlink" />)
const yes = () => screen.getByRole('button', {name: 'Yes, this was helpful'})
const no = () => screen.getByRole('button', {name: 'No, this was not helpful'})
const stored = () => JSON.parse(localStorage.getItem('feedback:term-backlink') ?? 'null')

describe('the feedback widget', () => {
  it('is the plain form until the reader answers', () => {
    renderForm()
    expect(yes().closest('form')).toHaveAttribute('action', '/api/feedback')
    expect(yes()).not.toHaveAttribute('aria-pressed')
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(screen.queryByRole('group')).not.toBeInTheDocument()
  })

  it('thanks the reader at once, sends the vote and remembers it', async () => {
    renderForm()
    fireEvent.click(yes())
    expect(screen.getByRole('status')).toHaveTextContent('Thanks for your feedback!')
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite')
    expect(yes()).toHaveAttribute('aria-pressed', 'true')
    expect(no()).toHaveAttribute('aria-pressed', 'false')
    await waitFor(() => expect(sent).toEqual([{term: 'term-backlink', vote: 'yes'}]))
    expect(stored()).toEqual({vote: 'yes'})
  })

  it('asks why with the reasons for the vote given, and sends reason and comment', async () => {
    renderForm()
    fireEvent.click(yes())
    const reasons = screen.getByRole('group', {name: 'What made it helpful? (optional)'})
    expect(
      within(reasons)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['clear', 'good-example', 'other'])
    const send = screen.getByRole('button', {name: 'Send'})
    expect(send).toBeDisabled()

    fireEvent.click(within(reasons).getByRole('radio', {name: 'Good example'}))
    const comment = screen.getByRole('textbox', {name: 'Anything else we should know? (optional)'})
    expect(comment).toHaveAttribute('maxlength', '500')
    expect(comment).toHaveAccessibleDescription('0/500 characters')
    fireEvent.change(comment, {target: {value: 'The example made it click. '}})
    expect(comment).toHaveAccessibleDescription('27/500 characters')

    fireEvent.click(send)
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Thank you, your answer was sent.'),
    )
    expect(sent).toEqual([
      {term: 'term-backlink', vote: 'yes'},
      {term: 'term-backlink', vote: 'yes', reason: 'good-example', comment: 'The example made it click.'},
    ])
    expect(screen.getByRole('status')).toHaveFocus()
    expect(screen.queryByRole('group')).not.toBeInTheDocument()
    expect(stored()).toEqual({vote: 'yes', reason: 'good-example', comment: 'The example made it click.'})
  })

  it('lets the reader change their vote, with the other vote’s reasons', async () => {
    renderForm()
    fireEvent.click(yes())
    fireEvent.click(screen.getByRole('radio', {name: 'Clear explanation'}))
    fireEvent.click(no())
    expect(no()).toHaveAttribute('aria-pressed', 'true')
    const reasons = screen.getByRole('group', {name: 'What went wrong? (optional)'})
    expect(
      within(reasons)
        .getAllByRole('radio')
        .map((radio) => radio.parentElement?.textContent),
    ).toEqual(['Hard to understand', 'Incorrect or outdated', 'Missing what I needed', 'Other'])
    expect(
      within(reasons)
        .getAllByRole('radio')
        .some((radio) => (radio as HTMLInputElement).checked),
    ).toBe(false)
    await waitFor(() => expect(sent).toHaveLength(2))
    expect(sent[1]).toEqual({term: 'term-backlink', vote: 'no'})
  })

  it('shows the remembered answer when the reader comes back', () => {
    localStorage.setItem('feedback:term-backlink', JSON.stringify({vote: 'no'}))
    renderForm()
    expect(no()).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByText('You answered No. Choose again to change your answer.')).toBeInTheDocument()
  })

  it('takes the vote back and says so when it could not be saved', async () => {
    answerWith = async () => ({ok: false, status: 429})
    renderForm()
    fireEvent.click(no())
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'You have sent a lot of answers in a short time. Please try again in a minute.',
      ),
    )
    expect(no()).not.toHaveAttribute('aria-pressed')
    expect(stored()).toBeNull()
  })

  it('says when the answer could not be sent at all', async () => {
    answerWith = () => Promise.reject(new TypeError('Failed to fetch'))
    localStorage.setItem('feedback:term-backlink', JSON.stringify({vote: 'yes'}))
    renderForm()
    await act(async () => fireEvent.click(no()))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/could not be sent/))
    expect(stored()).toEqual({vote: 'yes'})
  })
})
