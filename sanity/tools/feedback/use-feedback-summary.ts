import {useCallback, useEffect, useState, useSyncExternalStore} from 'react'

import type {FeedbackSummary} from '../../../lib/feedback/summary'

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
  | {status: 'ready'; summary: FeedbackSummary}

/** Fetches the summary with the admin token, again whenever the token changes; nothing without one. */
export function useFeedbackSummary(token: string): SummaryState {
  const [state, setState] = useState<{token: string; result: SummaryState} | null>(null)

  useEffect(() => {
    if (!token) return
    const controller = new AbortController()
    fetch(SUMMARY_URL, {headers: {Authorization: `Bearer ${token}`}, signal: controller.signal})
      .then(async (response) => {
        const body = await response.json()
        const result: SummaryState = response.ok
          ? {status: 'ready', summary: body as FeedbackSummary}
          : {
              status: 'error',
              message: (body as {error?: string}).error ?? `The site answered ${response.status}.`,
            }
        setState({token, result})
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) {
          setState({
            token,
            result: {status: 'error', message: `The feedback summary could not be loaded: ${error.message}`},
          })
        }
      })
    return () => controller.abort()
  }, [token])

  if (!token) return {status: 'no-token'}
  return state?.token === token ? state.result : {status: 'loading'}
}
