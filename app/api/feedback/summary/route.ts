import {describeIssues} from '@/lib/feedback/schema'
import {adminAccess, feedbackSummary} from '@/lib/feedback/server'
import {summaryToCsv} from '@/lib/feedback/summary'
import {summaryPage, summaryQuerySchema} from '@/lib/feedback/summary-query'

const noStore = {'Cache-Control': 'no-store'}

/**
 * The content team's figures per term, readers' comments and missed searches: a page of terms,
 * weakest first (`?offset=&limit=`, 100 by default), one term (`?term=<document id>`), or every
 * term as a spreadsheet (`?format=csv`). All of it is private: only with
 * `Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>`.
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
  const query = summaryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) {
    return Response.json(describeIssues(query.error, 'summary query'), {status: 400, headers: noStore})
  }
  const summary = await feedbackSummary({includeComments: true})
  if (!summary) {
    return Response.json(
      {error: 'Feedback cannot be read right now. Please try again later.'},
      {status: 503, headers: {...noStore, 'Retry-After': '30'}},
    )
  }
  if (query.data.format === 'csv') {
    return new Response(summaryToCsv(summary), {
      headers: {
        ...noStore,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="feedback-summary.csv"',
      },
    })
  }
  return Response.json(summaryPage(summary, query.data), {headers: noStore})
}
