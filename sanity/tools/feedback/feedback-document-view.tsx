import {AdminTokenField} from './admin-token-field'
import {CommentList, ReasonList, ReviewCauses, RevisionTable, describeTally} from './term-figures'
import {useAdminToken, useFeedbackSummary} from './use-feedback-summary'

/**
 * One term's reader feedback, as a view beside the term's form. Wire it in the structure with
 * `S.view.component(FeedbackDocumentView).title('Feedback')`. `documentId` is the published id.
 */
export function FeedbackDocumentView({documentId}: {documentId: string}) {
  const [token] = useAdminToken()
  const state = useFeedbackSummary(token, {term: documentId})
  const term = state.status === 'ready' ? state.summary.terms[0] : undefined
  const review = state.status === 'ready' ? state.summary.needsReview[0] : undefined
  return (
    <section aria-labelledby="term-feedback-heading" style={{padding: '1.5rem'}}>
      <h2 id="term-feedback-heading" style={{marginTop: 0}}>
        Reader feedback
      </h2>
      <div role="status">
        {state.status === 'no-token' && 'Reader feedback is private: enter the admin token to see it.'}
        {state.status === 'loading' && 'Loading feedback…'}
        {state.status === 'error' && state.message}
        {state.status === 'ready' && !term && 'No reader has voted on this term yet.'}
      </div>
      {review && (
        <section aria-labelledby="needs-review-heading">
          <h3 id="needs-review-heading">Needs review</h3>
          <ReviewCauses causes={review.causes} />
        </section>
      )}
      {term && (
        <dl>
          <dt>All votes</dt>
          <dd>
            {describeTally(term.allRevisions)}: {term.allRevisions.yes} yes, {term.allRevisions.no} no
          </dd>
          <dt>Since the last edit</dt>
          <dd>{describeTally(term.currentRevision)}</dd>
          <dt>By revision</dt>
          <dd>
            <RevisionTable revisions={term.revisions} />
          </dd>
          <dt>Reasons</dt>
          <dd>
            <ReasonList reasons={term.reasons} />
          </dd>
          {term.comments && (
            <>
              <dt>Comments</dt>
              <dd>
                <CommentList comments={term.comments} />
              </dd>
            </>
          )}
        </dl>
      )}
      <AdminTokenField />
    </section>
  )
}
