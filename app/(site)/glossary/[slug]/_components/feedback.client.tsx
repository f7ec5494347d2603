'use client'

import {useRef, useState, useSyncExternalStore} from 'react'

import {COMMENT_MAX_LENGTH, REASONS, type Vote} from '@/lib/feedback/reasons'

type Answer = {vote: Vote; reason?: string; comment?: string}

const storageKey = (termId: string) => `feedback:${termId}`
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('storage', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', listener)
  }
}

// Storage can be switched off or full; the widget then simply does not remember the answer.
function readStored(termId: string): string | null {
  try {
    return localStorage.getItem(storageKey(termId))
  } catch {
    return null
  }
}

function remember(termId: string, answer: Answer | null) {
  try {
    if (answer) localStorage.setItem(storageKey(termId), JSON.stringify(answer))
    else localStorage.removeItem(storageKey(termId))
  } catch {
    // See readStored.
  }
  listeners.forEach((listener) => listener())
}

function parseAnswer(stored: string | null): Answer | null {
  if (!stored) return null
  try {
    const answer = JSON.parse(stored) as Answer
    return answer.vote === 'yes' || answer.vote === 'no' ? answer : null
  } catch {
    return null
  }
}

const FOLLOW_UP_QUESTION: Record<Vote, string> = {
  yes: 'What made it helpful?',
  no: 'What went wrong?',
}

const button =
  'rounded-lg border border-zinc-300 px-5 py-2 font-semibold hover:border-blue-600 hover:text-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 aria-pressed:border-blue-700 aria-pressed:bg-blue-50 aria-pressed:text-blue-900 dark:border-zinc-700 dark:hover:text-blue-300 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-100'

/**
 * The "Was this helpful?" buttons. Rendered on the server as a plain form that posts without
 * JavaScript; once hydrated, a click answers at once (the vote is sent in the background), offers
 * the follow-up questions, and the answer is remembered in this browser.
 */
export function FeedbackForm({termId, returnTo}: {termId: string; returnTo: string}) {
  const answer = parseAnswer(
    useSyncExternalStore(
      subscribe,
      () => readStored(termId),
      () => null,
    ),
  )
  const [message, setMessage] = useState('')
  const [askingWhy, setAskingWhy] = useState(false)
  const [reason, setReason] = useState('')
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)
  const statusRef = useRef<HTMLParagraphElement>(null)
  // Answers go out one after another, so a follow-up can never overtake the vote it belongs to.
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  function send(next: Answer, previous: Answer | null): Promise<boolean> {
    remember(termId, next)
    const sent = queue.current.then(async () => {
      try {
        const response = await fetch('/api/feedback', {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({term: termId, ...next}),
        })
        if (response.ok) return true
        setMessage(
          response.status === 429
            ? 'You have sent a lot of answers in a short time. Please try again in a minute.'
            : 'Sorry, your answer could not be saved. Please try again later.',
        )
      } catch {
        setMessage('Sorry, your answer could not be sent. Check your connection and try again.')
      }
      remember(termId, previous)
      return false
    })
    queue.current = sent
    return sent
  }

  function vote(choice: Vote) {
    setMessage('Thanks for your feedback!')
    setAskingWhy(true)
    if (choice === answer?.vote) {
      void send(answer, answer)
      return
    }
    setReason('')
    void send({vote: choice}, answer)
  }

  async function sendDetails(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!answer) return
    setSending(true)
    const sent = await send(
      {vote: answer.vote, reason: reason || undefined, comment: comment.trim() || undefined},
      answer,
    )
    setSending(false)
    if (!sent) return
    setAskingWhy(false)
    setMessage('Thank you, your answer was sent.')
    statusRef.current?.focus()
  }

  const choice = answer?.vote
  return (
    <>
      <form method="post" action="/api/feedback" className="mt-4 flex gap-3">
        <input type="hidden" name="term" value={termId} />
        <input type="hidden" name="returnTo" value={returnTo} />
        {(['yes', 'no'] as const).map((value) => (
          <button
            key={value}
            type="submit"
            name="vote"
            value={value}
            aria-label={value === 'yes' ? 'Yes, this was helpful' : 'No, this was not helpful'}
            aria-pressed={answer ? choice === value : undefined}
            onClick={(event) => {
              event.preventDefault()
              vote(value)
            }}
            className={button}
          >
            {value === 'yes' ? 'Yes' : 'No'}
          </button>
        ))}
      </form>
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="mt-3 text-sm font-medium text-emerald-800 outline-none dark:text-emerald-300"
      >
        {message}
      </p>
      {choice && !askingWhy && !message && (
        <p className="mt-3 muted">
          You answered {choice === 'yes' ? 'Yes' : 'No'}. Choose again to change your answer.
        </p>
      )}
      {choice && askingWhy && (
        <form onSubmit={sendDetails} className="mt-4 space-y-4">
          <fieldset>
            <legend className="font-medium">
              {FOLLOW_UP_QUESTION[choice]}{' '}
              <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
            </legend>
            <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
              {Object.entries(REASONS[choice]).map(([code, label]) => (
                <label key={code} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="reason"
                    value={code}
                    checked={reason === code}
                    onChange={() => setReason(code)}
                    className="size-4 accent-blue-700"
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`feedback-comment-${termId}`} className="block font-medium">
              Anything else we should know?{' '}
              <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
            </label>
            <textarea
              id={`feedback-comment-${termId}`}
              value={comment}
              maxLength={COMMENT_MAX_LENGTH}
              rows={3}
              aria-describedby={`feedback-comment-count-${termId}`}
              onChange={(event) => setComment(event.target.value)}
              className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-950"
            />
            <p id={`feedback-comment-count-${termId}`} className="mt-1 muted">
              {comment.length}/{COMMENT_MAX_LENGTH} characters
            </p>
          </div>
          <button
            type="submit"
            disabled={sending || (!reason && !comment.trim())}
            className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {sending ? 'Sending…' : 'Send'}
          </button>
        </form>
      )}
    </>
  )
}
