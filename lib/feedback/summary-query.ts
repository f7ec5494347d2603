import {z} from 'zod'

import {summaryTerms, type FeedbackSummary, type RankedFeedback} from './summary'

/** Terms a summary answer lists unless asked for fewer: a screenful, not thousands. */
export const SUMMARY_PAGE_TERMS = 100
export const SUMMARY_MAX_PAGE_TERMS = 1000

/**
 * What `GET /api/feedback/summary` may be asked: a page of terms (`offset`, `limit`), one term by
 * its document id (`term`), or the whole summary as CSV (`format=csv`, every term).
 */
export const summaryQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(SUMMARY_MAX_PAGE_TERMS).default(SUMMARY_PAGE_TERMS),
  term: z.string().min(1).max(200).optional(),
  format: z.enum(['json', 'csv']).default('json'),
})

export type SummaryQuery = z.infer<typeof summaryQuerySchema>

/**
 * The part of a summary a query asks for: totals and missed searches come whole, the terms (and
 * those that need review, at most a page of them) as asked, or only the one term's.
 */
export function summaryPage(feedback: RankedFeedback, {offset, limit, term}: SummaryQuery): FeedbackSummary {
  const {totals, ranked} = feedback
  if (term !== undefined)
    return {
      ...totals,
      offset: 0,
      terms: summaryTerms(
        feedback,
        ranked.filter((t) => t.termId === term),
      ),
      needsReview: totals.needsReview.filter((t) => t.termId === term),
    }
  return {
    ...totals,
    offset,
    terms: summaryTerms(feedback, ranked.slice(offset, offset + limit)),
    needsReview: totals.needsReview.slice(0, limit),
  }
}
