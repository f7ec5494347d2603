import {readFeedbackBody, isSameSite} from '@/lib/feedback/request'
import {describeIssues, voteInputSchema} from '@/lib/feedback/schema'
import {submitVote} from '@/lib/feedback/server'
import {metrics} from '@/lib/observability/metrics.mjs'
import {siteUrl, termPath} from '@/lib/site/urls'

const error = (status: number, message: string, headers?: HeadersInit) =>
  Response.json({error: message}, {status, headers})

/** The answer, counted in glossary_feedback_votes_total under what happened to the vote. */
function counted(outcome: string, response: Response) {
  metrics.feedbackVotes.inc({outcome})
  return response
}

/**
 * A reader's vote on a term (JSON from the widget, or the plain form without JavaScript).
 * JSON gets JSON back; a form post is sent back to the term page, to its thank-you note.
 */
export async function POST(request: Request) {
  if (!isSameSite(request, new URL(siteUrl).origin)) {
    return counted('forbidden', error(403, 'Feedback is only accepted from this site’s own pages.'))
  }
  const body = await readFeedbackBody(request)
  if (!body.ok) return counted('malformed', error(body.status, body.error))
  const parsed = voteInputSchema.safeParse(body.fields)
  if (!parsed.success) return counted('invalid', Response.json(describeIssues(parsed.error), {status: 422}))

  const outcome = await submitVote(parsed.data, request.headers)
  switch (outcome.status) {
    case 'unknown-term':
      return counted('unknown_term', error(404, `There is no published term "${parsed.data.term}".`))
    case 'rate-limited':
      return counted(
        'rate_limited',
        error(429, 'Too many answers from you in the last minute. Please try again shortly.', {
          'Retry-After': String(outcome.retryAfterSeconds),
        }),
      )
    case 'unavailable':
      return counted(
        'unavailable',
        error(503, 'Feedback cannot be saved right now. Please try again later.', {'Retry-After': '30'}),
      )
    case 'stored':
      if (body.kind === 'form') {
        const back = parsed.data.returnTo ?? termPath(outcome.term.slug)
        return counted(
          'stored',
          new Response(null, {status: 303, headers: {Location: `${back}#feedback-thanks`}}),
        )
      }
      return counted('stored', Response.json({stored: true, termId: outcome.term.id, vote: parsed.data.vote}))
  }
}

const methodNotAllowed = () => error(405, 'Send feedback with POST.', {Allow: 'POST'})

export const GET = methodNotAllowed
export const PUT = methodNotAllowed
export const PATCH = methodNotAllowed
export const DELETE = methodNotAllowed
export const OPTIONS = methodNotAllowed
