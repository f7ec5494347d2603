import {validateApiPerspective, type ClientPerspective} from '@sanity/client'

/** The cookie next-sanity's draft-mode route sets to the perspective the Presentation tool shows. */
export const PERSPECTIVE_COOKIE = 'sanity-preview-perspective'

/**
 * The perspective an editor previews through: the cookie's (a release stack such as
 * `rSpring,drafts`, or `drafts`), or drafts when it is missing or not a perspective; never `raw`,
 * which shows every version at once. next-sanity's `resolvePerspectiveFromCookies` does the same
 * but is exported to React Server Components only, and this also runs in route handlers and tests.
 */
export function previewPerspective(cookie: string | undefined): ClientPerspective {
  if (!cookie) return 'drafts'
  const perspective = cookie.includes(',') ? cookie.split(',') : cookie
  try {
    validateApiPerspective(perspective)
  } catch {
    return 'drafts'
  }
  return perspective === 'raw' ? 'drafts' : perspective
}
