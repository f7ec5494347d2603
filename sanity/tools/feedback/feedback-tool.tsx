import {IntentLink} from 'sanity/router'

import {AdminTokenField} from './admin-token-field'
import {FeedbackTable, type TermLinkProps} from './feedback-table'
import {useAdminToken, useFeedbackSummary} from './use-feedback-summary'

function TermLink({termId, children}: TermLinkProps) {
  return (
    <IntentLink intent="edit" params={{id: termId, type: 'term'}}>
      {children}
    </IntentLink>
  )
}

/** The Studio's Feedback tool: what readers think of each term, weakest first. */
export function FeedbackTool() {
  const [token] = useAdminToken()
  const state = useFeedbackSummary(token)
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
      </div>
      {state.status === 'ready' && (
        <>
          <FeedbackTable summary={state.summary} TermLink={TermLink} />
          {state.summary.searchMisses.length > 0 && (
            <section>
              <h2>Searches that found nothing</h2>
              <ul>
                {state.summary.searchMisses.map((miss) => (
                  <li key={miss.query}>
                    {miss.query} ×{miss.count}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  )
}
