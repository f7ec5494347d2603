import {adminAccess, feedbackSummary} from '@/lib/feedback/server'
import {summaryToCsv, type FeedbackSummary} from '@/lib/feedback/summary'

const noStore = {'Cache-Control': 'no-store'}

/**
 * The content team's figures per term, readers' comments and missed searches (`?format=csv` for a
 * spreadsheet). All of it is private: only with `Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>`.
 */
export async function GET(request: Request) {
  const access = adminAccess(request.headers.get('authorization'))
  if (access !== 'granted') {
    const error = {
      none: 'The feedback summary needs the admin token: send Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>.',
      'wrong-token': 'Wrong admin token.',
      'not-configured':
        'The feedback summary is not available: no FEEDBACK_ADMIN_TOKEN is configured on the server.',
    }[access]
    return Response.json({error}, {status: 401, headers: {...noStore, 'WWW-Authenticate': 'Bearer'}})
  }
  const summary = await feedbackSummary({includeComments: true})
  if (!summary) {
    return Response.json(
      {error: 'Feedback cannot be read right now. Please try again later.'},
      {status: 503, headers: {...noStore, 'Retry-After': '30'}},
    )
  }
  if (new URL(request.url).searchParams.get('format') === 'csv') {
    return new Response(summaryToCsv(summary), {
      headers: {
        ...noStore,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="feedback-summary.csv"',
      },
    })
  }
  return new Response(asJson(summary), {headers: {...noStore, 'Content-Type': 'application/json'}})
}

/** The summary is shared while it is fresh (lib/feedback/server.ts): so is its JSON, written once. */
const written = new WeakMap<FeedbackSummary, string>()

function asJson(summary: FeedbackSummary): string {
  let json = written.get(summary)
  if (json === undefined) {
    json = JSON.stringify(summary)
    written.set(summary, json)
  }
  return json
}
