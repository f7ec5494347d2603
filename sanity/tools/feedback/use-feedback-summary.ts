import {useCallback, useEffect, useState, useSyncExternalStore} from 'react'

import type {FeedbackSummary} from '@/lib/feedback/summary'

/** The site's own endpoint: the Studio is served by the same app, so no CORS is involved. */
export const SUMMARY_URL = '/api/feedback/summary'

const TOKEN_KEY = 'glossary.feedback.adminToken'
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * The admin token that unlocks readers' feedback, kept in sessionStorage: it lasts for this
 * browser tab's session and is never saved with the Studio's settings or sent anywhere else.
 */
export function useAdminToken(): [string, (token: string) => void] {
  const token = useSyncExternalStore(
    subscribe,
    () => sessionStorage.getItem(TOKEN_KEY) ?? '',
    () => '',
  )
  const setToken = useCallback((next: string) => {
    if (next) sessionStorage.setItem(TOKEN_KEY, next)
    else sessionStorage.removeItem(TOKEN_KEY)
    listeners.forEach((listener) => listener())
  }, [])
  return [token, setToken]
}

export type SummaryState =
  | {status: 'no-token'}
  | {status: 'loading'}
  | {status: 'error'; message: string}
  /** `turning` while the next page is on its way and this one is still shown. */
  | {status: 'ready'; summary: FeedbackSummary; turning?: boolean}

/** What to ask the summary for: `limit` terms from `offset`, or the one term with document id `term`. */
export type SummaryPart = {offset: number; limit: number} | {term: string}

function summaryUrl(part: SummaryPart): string {
  const query: Record<string, string> =
    'term' in part ? {term: part.term} : {offset: String(part.offset), limit: String(part.limit)}
  return `${SUMMARY_URL}?${new URLSearchParams(query)}`
}

/** Fetches that part of the summary with the admin token, again whenever either changes; nothing without a token. */
export function useFeedbackSummary(token: string, part: SummaryPart): SummaryState {
  const url = summaryUrl(part)
  const [state, setState] = useState<{key: string; token: string; result: SummaryState} | null>(null)
  const key = `${token}\n${url}`

  useEffect(() => {
    if (!token) return
    const controller = new AbortController()
    fetch(url, {headers: {Authorization: `Bearer ${token}`}, signal: controller.signal})
      .then(async (response) => {
        const body = await response.json()
        const result: SummaryState = response.ok
          ? {status: 'ready', summary: body as FeedbackSummary}
          : {
              status: 'error',
              message: (body as {error?: string}).error ?? `The site answered ${response.status}.`,
            }
        setState({key, token, result})
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) {
          setState({
            key,
            token,
            result: {status: 'error', message: `The feedback summary could not be loaded: ${error.message}`},
          })
        }
      })
    return () => controller.abort()
  }, [token, url, key])

  if (!token) return {status: 'no-token'}
  if (state?.key === key) return state.result
  // A page of terms stays until the next one arrives: the table does not blink, and the button
  // just pressed keeps the keyboard's focus.
  if ('offset' in part && state?.token === token && state.result.status === 'ready') {
    return {...state.result, turning: true}
  }
  return {status: 'loading'}
}
