import {DEFAULT_WINDOW, DigestUsageError, digestWindowStart} from '@/lib/feedback/digest'
import {feedbackDigest, feedbackUnavailable, refusedWithoutAdminToken} from '@/lib/feedback/server'

const noStore = {'Cache-Control': 'no-store'}

/**
 * The content team's weekly digest as JSON (`?since=7d`; hours, days or weeks): what
 * `npm run feedback:digest` prints, from the running site, which owns an embedded database. Private:
 * only with `Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>`.
 */
export async function GET(request: Request) {
  const refused = refusedWithoutAdminToken(request, 'The feedback digest')
  if (refused) return refused
  const now = new Date()
  let since: Date
  try {
    since = digestWindowStart(new URL(request.url).searchParams.get('since') ?? DEFAULT_WINDOW, now)
  } catch (error) {
    if (!(error instanceof DigestUsageError)) throw error
    // Said without echoing the value: a query string can be long and made up.
    const message = 'since must be 1 to 9999 hours, days or weeks, written like 36h, 7d or 2w.'
    return Response.json({error: message}, {status: 400, headers: noStore})
  }
  const digest = await feedbackDigest(since, now)
  if (!digest) return feedbackUnavailable()
  return Response.json(digest, {headers: noStore})
}
