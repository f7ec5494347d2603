'use client'

import {useRouter} from 'next/navigation'
import {useEffect, useId, useState, useSyncExternalStore, type KeyboardEvent} from 'react'

import type {SearchSuggestion, SearchSuggestions} from '@/lib/search/suggestions'

/** Waits for a pause in typing before asking the server, so fast typists send one request. */
const TYPING_PAUSE_MS = 120

type Props = {
  label: string
  /** The label stays available to assistive technology but is not shown. */
  hideLabel?: boolean
  defaultValue?: string
  placeholder?: string
  className?: string
  inputClassName?: string
}

const noSubscription = () => () => {}

/** False in the server's HTML and until hydration, true once this component runs in the browser. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )

function countMessage(total: number, shown: number): string {
  if (total === 0) return 'No terms found.'
  const found = `${total} ${total === 1 ? 'term' : 'terms'} found`
  return shown < total ? `${found}, showing the first ${shown}.` : `${found}.`
}

/**
 * The glossary search box: a plain `q` search field of the form around it (which submits to
 * /glossary?q=… without JavaScript) that, once JavaScript runs, becomes an ARIA 1.2 combobox with a
 * listbox popup suggesting terms as the reader types: arrows move through the suggestions, Enter
 * opens the highlighted term (or submits the form when none is highlighted), Escape closes the
 * list, then clears the field. Until then it does not claim to be a combobox, because it is not.
 */
export function SearchCombobox({
  label,
  hideLabel = false,
  defaultValue = '',
  placeholder,
  className = '',
  inputClassName = '',
}: Props) {
  const router = useRouter()
  const enhanced = useHydrated()
  const id = useId()
  const inputId = `${id}-input`
  const listboxId = `${id}-listbox`
  const optionId = (index: number) => `${id}-option-${index}`

  const [value, setValue] = useState(defaultValue)
  const [answers, setAnswers] = useState<Record<string, SearchSuggestions>>({})
  // The last answer stays on screen while the next one loads, so the list does not flicker.
  const [shown, setShown] = useState<SearchSuggestions | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  const query = value.trim()
  const current = answers[query]
  const answer = current ?? shown
  const suggestions = query && answer ? answer.results : []

  useEffect(() => {
    if (!query || query.length > 100 || current) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
        })
        if (!response.ok) return
        const body = (await response.json()) as SearchSuggestions
        setAnswers((known) => ({...known, [query]: body}))
        setShown(body)
      } catch (error) {
        // A newer keystroke aborted this request; any other failure leaves the plain form working.
        if ((error as Error).name !== 'AbortError') console.warn('[search] suggestions failed', error)
      }
    }, TYPING_PAUSE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, current])

  const expanded = open && query.length > 0 && suggestions.length > 0

  function choose(suggestion: SearchSuggestion) {
    setOpen(false)
    setActive(-1)
    setValue('')
    router.push(suggestion.url)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setOpen(true)
        setActive((current) =>
          !expanded || current === -1 ? (step === 1 ? 0 : count - 1) : (current + step + count) % count,
        )
        return
      }
      case 'Enter':
        if (expanded && active >= 0 && suggestions[active]) {
          event.preventDefault()
          choose(suggestions[active])
        }
        return
      case 'Escape':
        event.preventDefault()
        if (expanded) {
          setOpen(false)
          setActive(-1)
        } else {
          setValue('')
        }
        return
    }
  }

  return (
    <div className={`relative ${className}`}>
      <label htmlFor={inputId} className={hideLabel ? 'sr-only' : 'mb-1 block text-sm font-medium'}>
        {label}
      </label>
      <input
        id={inputId}
        name="q"
        type="search"
        {...(enhanced && {
          role: 'combobox',
          'aria-autocomplete': 'list' as const,
          'aria-expanded': expanded,
          'aria-controls': listboxId,
          'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
        })}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={100}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          setActive(-1)
          setOpen(true)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className={`w-full rounded-lg border border-zinc-400 bg-white text-zinc-900 placeholder:text-zinc-500 focus:border-blue-700 focus:outline-none focus:ring-2 focus:ring-blue-700/40 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 ${inputClassName}`}
      />
      {enhanced && (
        <>
          <ul
            id={listboxId}
            role="listbox"
            aria-label="Suggested terms"
            hidden={!expanded}
            className="absolute right-0 top-full z-30 mt-1 max-h-[min(28rem,70vh)] w-full min-w-[min(24rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-zinc-300 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          >
            {suggestions.map((suggestion, index) => (
              <li
                key={suggestion.url}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                // Keeps focus in the field, so the list does not close before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(suggestion)}
                onMouseMove={() => setActive(index)}
                className={`cursor-pointer px-3 py-2 ${index === active ? 'bg-blue-50 dark:bg-blue-950' : ''}`}
              >
                <span className="block font-medium text-zinc-950 dark:text-white">{suggestion.title}</span>
                {suggestion.matchedAlias && (
                  <span className="block text-sm text-zinc-700 dark:text-zinc-300">
                    Also known as {suggestion.matchedAlias}
                  </span>
                )}
                <span className="line-clamp-1 muted">{suggestion.shortDefinition}</span>
              </li>
            ))}
          </ul>
          <p role="status" className="sr-only">
            {open && current ? countMessage(current.total, current.results.length) : ''}
          </p>
        </>
      )}
    </div>
  )
}
