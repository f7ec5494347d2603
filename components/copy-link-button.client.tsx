'use client'

import {useEffect, useRef, useState} from 'react'

type Props = {
  label: string
  className?: string
  children?: React.ReactNode
} & (
  | {
      /** Path and hash to copy, e.g. "/glossary/backlink#why-it-matters"; the origin is the page's own. */
      path: string
      text?: never
    }
  | {
      /** Text to copy as it is, e.g. a citation. */
      text: string
      path?: never
    }
)

type State = 'idle' | 'copied' | 'manual'

/**
 * Copies a clean link (no query string, so no tracking parameters), or a given text, to the
 * clipboard. Where the clipboard API is missing or refused, it shows what it would have copied,
 * selected, so the reader can copy it by hand.
 */
export function CopyLinkButton({path, text, label, className, children}: Props) {
  const [state, setState] = useState<State>('idle')
  const [copied, setCopied] = useState('')
  const manualInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (state === 'manual') {
      manualInput.current?.focus()
      manualInput.current?.select()
    }
    if (state !== 'copied') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    const value = text ?? new URL(path, window.location.origin).href
    setCopied(value)
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable')
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      setState('manual')
    }
  }

  return (
    <span className="copy-control">
      <button type="button" onClick={copy} aria-label={label} className={className}>
        {children ?? label}
      </button>
      <span role="status" aria-live="polite" className="copy-status">
        {state === 'copied' ? 'Copied' : ''}
      </span>
      {state === 'manual' && (
        <label className="absolute left-0 top-full z-10 mt-1 block w-72 rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
          {text === undefined ? 'Copy this link:' : 'Copy this text:'}
          <input
            ref={manualInput}
            readOnly
            value={copied}
            onBlur={() => setState('idle')}
            className="mt-1 block w-full rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
      )}
    </span>
  )
}
