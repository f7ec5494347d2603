import type {DocumentBadgeComponent} from 'sanity'
import {IntentLink} from 'sanity/router'

import {AdminTokenField} from './admin-token-field'
import {ReviewCauses} from './term-figures'
import {useAdminToken, useFeedbackSummary} from './use-feedback-summary'

/** The first page of flagged terms: the summary answers at most this many. */
const LISTED = 100

/**
 * The terms that need review and why, oldest review first, each opening its document: the
 * structure's "Needs review" pane. The rules run on the server (lib/feedback/needs-review.ts), on
 * readers' votes as well as dates, so the list needs the feedback admin token.
 */
export function NeedsReviewPane() {
  const [token] = useAdminToken()
  const state = useFeedbackSummary(token, {offset: 0, limit: LISTED})
  return (
    <section aria-labelledby="needs-review-pane-heading" style={{padding: '1.5rem', overflow: 'auto'}}>
      <h2 id="needs-review-pane-heading" style={{marginTop: 0}}>
        Needs review
        {state.status === 'ready' && ` (${state.summary.needsReviewCount})`}
      </h2>
      <div role="status">
        {state.status === 'no-token' &&
          'Which terms need review depends on readers’ votes: enter the admin token.'}
        {state.status === 'loading' && 'Loading…'}
        {state.status === 'error' && state.message}
        {state.status === 'ready' && state.summary.needsReviewCount === 0 && 'No term needs review.'}
      </div>
      {state.status === 'ready' && (
        <ul style={{paddingLeft: '1.1rem'}}>
          {state.summary.needsReview.map((term) => (
            <li key={term.termId} style={{marginBottom: '0.75rem'}}>
              <IntentLink intent="edit" params={{id: term.termId, type: 'term'}}>
                {term.title}
              </IntentLink>
              <ReviewCauses causes={term.causes} />
            </li>
          ))}
        </ul>
      )}
      {state.status !== 'ready' && <AdminTokenField />}
    </section>
  )
}

/** "Needs review" on a term's document while it is flagged, with why; nothing without the admin token. */
export const NeedsReviewBadge: DocumentBadgeComponent = ({id}) => {
  const [token] = useAdminToken()
  const state = useFeedbackSummary(token, {term: id})
  const flagged = state.status === 'ready' ? state.summary.needsReview[0] : undefined
  if (!flagged) return null
  return {
    label: 'Needs review',
    title: flagged.causes.map((cause) => cause.message).join('; '),
    color: 'warning',
  }
}
