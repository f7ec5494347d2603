import {useState} from 'react'
import {IntentLink} from 'sanity/router'

import {counted} from '@/lib/feedback/needs-review'
import type {FeedbackSummary} from '@/lib/feedback/summary'

import {AdminTokenField} from './admin-token-field'
import {FeedbackTable, type TermLinkProps} from './feedback-table'
import {MissedSearches} from './missed-searches'
import {ReviewCauses} from './term-figures'
import {useAdminToken, useFeedbackSummary} from './use-feedback-summary'

function TermLink({termId, children}: TermLinkProps) {
  return (
    <IntentLink intent="edit" params={{id: termId, type: 'term'}}>
      {children}
    </IntentLink>
  )
}

/** A screenful: the weakest terms first, and no page of thousands of rows. */
const TERMS_PER_PAGE = 100

/** Which terms of how many this page shows, and buttons to the pages either side. */
function PageNav({summary, onOffset}: {summary: FeedbackSummary; onOffset: (offset: number) => void}) {
  const {offset, terms, termCount} = summary
  if (terms.length === 0 || (offset === 0 && terms.length === termCount)) return null
  return (
    <nav
      aria-label="Pages of terms"
      style={{display: 'flex', gap: '1rem', alignItems: 'center', margin: '1rem 0'}}
    >
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - TERMS_PER_PAGE))}
      >
        Previous terms
      </button>
      <span>
        Terms {offset + 1}–{offset + terms.length} of {termCount}
      </span>
      <button
        type="button"
        disabled={offset + terms.length >= termCount}
        onClick={() => onOffset(offset + terms.length)}
      >
        Next terms
      </button>
    </nav>
  )
}

/** The terms that need review and why, oldest review first: the first page of them. */
function NeedsReview({summary}: {summary: FeedbackSummary}) {
  const {needsReview, needsReviewCount} = summary
  return (
    <section aria-labelledby="needs-review-heading">
      <h2 id="needs-review-heading">Needs review ({needsReviewCount})</h2>
      {needsReviewCount === 0 && <p>No term needs review.</p>}
      {needsReviewCount > needsReview.length && (
        <p>
          The first {needsReview.length} of {counted(needsReviewCount, 'term')}, oldest review first.
        </p>
      )}
      <ul>
        {needsReview.map((term) => (
          <li key={term.termId}>
            <TermLink termId={term.termId}>{term.title}</TermLink>
            <ReviewCauses causes={term.causes} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The Studio's Feedback tool: what readers think of each term, weakest first, a page at a time. */
export function FeedbackTool() {
  const [token] = useAdminToken()
  const [offset, setOffset] = useState(0)
  const state = useFeedbackSummary(token, {offset, limit: TERMS_PER_PAGE})
  return (
    <main
      style={{padding: '1.5rem', maxWidth: 1200, overflow: 'auto', height: '100%', boxSizing: 'border-box'}}
    >
      <h1 style={{marginTop: 0}}>Reader feedback</h1>
      <AdminTokenField />
      <div role="status" style={{marginTop: '1rem'}}>
        {state.status === 'no-token' && 'Reader feedback is private: enter the admin token to see it.'}
        {state.status === 'loading' && 'Loading feedback…'}
        {state.status === 'error' && state.message}
        {state.status === 'ready' && state.turning && 'Loading terms…'}
      </div>
      {state.status === 'ready' && (
        <>
          <p>
            {counted(state.summary.voteCount, 'vote')} on {counted(state.summary.termCount, 'term')}.
          </p>
          <FeedbackTable summary={state.summary} TermLink={TermLink} />
          <PageNav summary={state.summary} onOffset={setOffset} />
          <NeedsReview summary={state.summary} />
          <MissedSearches misses={state.summary.searchMisses} />
        </>
      )}
    </main>
  )
}
