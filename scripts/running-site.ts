/**
 * Asking the running site, as the feedback scripts do before they open the database themselves:
 * the site's process owns an embedded database folder, so it is the one to ask while it runs.
 */
import {feedbackAdminToken} from '@/lib/env.server'

/**
 * The JSON the site answers at `url` with the feedback admin token, or null when nothing answers
 * there. An answer that is not OK is an error that says what the site said.
 */
export async function askRunningSite<T>(url: string, {timeoutMs}: {timeoutMs: number}): Promise<T | null> {
  const token = feedbackAdminToken()
  let response: Response
  try {
    response = await fetch(url, {
      headers: token ? {authorization: `Bearer ${token}`} : {},
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch {
    return null
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {error?: string}
    throw new Error(`${url} answered ${response.status}${body.error ? `: ${body.error}` : ''}`)
  }
  return (await response.json()) as T
}
