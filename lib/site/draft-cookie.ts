import {readFileSync} from 'node:fs'
import path from 'node:path'

/** The cookie Next sets when draft mode is on (`draftMode().enable()`). */
export const DRAFT_COOKIE = '__prerender_bypass'

let previewModeId: string | undefined

/**
 * Whether the request carries Next's draft-mode cookie with this build's secret value. Checked
 * before Next does (in the proxy), so a made-up cookie cannot pass for an editor's.
 */
export function hasDraftModeCookie(cookieValue: string | undefined): boolean {
  if (!cookieValue) return false
  previewModeId ??= JSON.parse(
    readFileSync(
      path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'prerender-manifest.json'),
      'utf8',
    ),
  ).preview.previewModeId as string
  return cookieValue === previewModeId
}
