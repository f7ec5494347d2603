import {describeIssues} from '@/lib/feedback/schema'
import {
  feedbackSummary,
  feedbackSummaryPage,
  feedbackUnavailable,
  refusedWithoutAdminToken,
} from '@/lib/feedback/server'
import {summaryToCsv, wholeSummary} from '@/lib/feedback/summary'
import {summaryQuerySchema} from '@/lib/feedback/summary-query'

const noStore = {'Cache-Control': 'no-store'}

/**
 * The content team's figures per term, readers' comments and missed searches: a page of terms,
 * weakest first (`?offset=&limit=`, 100 by default), one term (`?term=<document id>`), or every
 * term as a spreadsheet (`?format=csv`). All of it is private: only with
 * `Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>`.
 */
export async function GET(request: Request) {
  const refused = refusedWithoutAdminToken(request, 'The feedback summary')
  if (refused) return refused
  const query = summaryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) {
    return Response.json(describeIssues(query.error, 'summary query'), {status: 400, headers: noStore})
  }
  if (query.data.format === 'csv') {
    const summary = await feedbackSummary({includeComments: true})
    if (!summary) return feedbackUnavailable()
    return new Response(summaryToCsv(wholeSummary(summary)), {
      headers: {
        ...noStore,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="feedback-summary.csv"',
      },
    })
  }
  const page = await feedbackSummaryPage(query.data)
  if (!page) return feedbackUnavailable()
  return new Response(page, {headers: {...noStore, 'Content-Type': 'application/json'}})
}
