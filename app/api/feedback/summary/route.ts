import {adminAccess, feedbackSummary} from '@/lib/feedback/server'
import {summaryToCsv} from '@/lib/feedback/summary'

const noStore = {'Cache-Control': 'no-store'}

/**
 * The content team's figures per term (`?format=csv` for a spreadsheet). Readers' comments are
 * private: they come back only with `Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>`.
 */
export async function GET(request: Request) {
  const access = adminAccess(request.headers.get('authorization'))
  if (access === 'wrong-token') {
    return Response.json({error: 'Wrong admin token.'}, {status: 401, headers: noStore})
  }
  if (access === 'not-configured') {
    return Response.json(
      {error: 'Comments are not available: no FEEDBACK_ADMIN_TOKEN is configured on the server.'},
      {status: 401, headers: noStore},
    )
  }
  const summary = await feedbackSummary({includeComments: access === 'granted'})
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
  return Response.json(summary, {headers: noStore})
}
