/** @jest-environment jsdom */
import {act, fireEvent, render, screen} from '@testing-library/react'

import {CopyLinkButton} from '@/components/copy-link-button.client'

describe('CopyLinkButton', () => {
  const original = navigator.clipboard

  afterEach(() => {
    Object.defineProperty(navigator, 'clipboard', {value: original, configurable: true})
  })

  it('copies a clean absolute link and confirms it', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', {value: {writeText}, configurable: true})
    render(<CopyLinkButton path="/glossary/backlink#why-it-matters" label="Copy link to Why It Matters" />)

    await act(async () => fireEvent.click(screen.getByRole('button', {name: 'Copy link to Why It Matters'})))

    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/glossary/backlink#why-it-matters`)
    expect(screen.getByRole('status')).toHaveTextContent('Copied')
  })

  it('shows the link, selected, when the clipboard API is missing', async () => {
    Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})
    render(<CopyLinkButton path="/glossary/backlink" label="Copy link" />)

    await act(async () => fireEvent.click(screen.getByRole('button', {name: 'Copy link'})))

    const input = screen.getByLabelText('Copy this link:') as HTMLInputElement
    expect(input.value).toBe(`${window.location.origin}/glossary/backlink`)
    expect(input).toHaveFocus()
    expect(screen.getByRole('status')).toHaveTextContent('')
  })

  it('falls back the same way when the browser refuses clipboard access', async () => {
    const writeText = jest.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
    Object.defineProperty(navigator, 'clipboard', {value: {writeText}, configurable: true})
    render(<CopyLinkButton path="/glossary/backlink" label="Copy link" />)

    await act(async () => fireEvent.click(screen.getByRole('button', {name: 'Copy link'})))

    expect(screen.getByLabelText('Copy this link:')).toBeInTheDocument()
  })

  it('copies a given text exactly as it is', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', {value: {writeText}, configurable: true})
    render(<CopyLinkButton text="“Backlink.” Search Glossary." label="Copy citation" />)

    await act(async () => fireEvent.click(screen.getByRole('button', {name: 'Copy citation'})))

    expect(writeText).toHaveBeenCalledWith('“Backlink.” Search Glossary.')
    expect(screen.getByRole('status')).toHaveTextContent('Copied')
  })

  it('shows a given text, selected, when it cannot copy it', async () => {
    Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})
    render(<CopyLinkButton text="“Backlink.” Search Glossary." label="Copy citation" />)

    await act(async () => fireEvent.click(screen.getByRole('button', {name: 'Copy citation'})))

    const input = screen.getByLabelText('Copy this text:') as HTMLInputElement
    expect(input.value).toBe('“Backlink.” Search Glossary.')
    expect(input).toHaveFocus()
  })
})
