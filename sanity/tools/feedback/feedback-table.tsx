import type {ComponentType, ReactNode} from 'react'

import type {FeedbackSummary} from '@/lib/feedback/summary'
import {cell} from './table-cells'
import {CommentList, ReasonList, describeTally} from './term-figures'

export type TermLinkProps = {termId: string; children: ReactNode}

/**
 * Every voted term, lowest helpful share first (the order the summary comes in). `TermLink`
 * opens a term's document; the Studio passes its intent link.
 */
export function FeedbackTable({
  summary,
  TermLink,
}: {
  summary: FeedbackSummary
  TermLink: ComponentType<TermLinkProps>
}) {
  if (summary.terms.length === 0) return <p>No reader has voted yet.</p>
  return (
    <table style={{borderCollapse: 'collapse', width: '100%'}}>
      <caption style={{textAlign: 'left', paddingBottom: '0.5rem'}}>
        Terms by helpful share, lowest first
      </caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>
            Term
          </th>
          <th scope="col" style={cell}>
            Yes
          </th>
          <th scope="col" style={cell}>
            No
          </th>
          <th scope="col" style={cell}>
            All votes
          </th>
          <th scope="col" style={cell}>
            Since the last edit
          </th>
          <th scope="col" style={cell}>
            Reasons
          </th>
          {summary.commentsIncluded && (
            <th scope="col" style={cell}>
              Comments
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {summary.terms.map((term) => (
          <tr key={term.termId}>
            <th scope="row" style={cell}>
              {term.slug ? (
                <TermLink termId={term.termId}>{term.title}</TermLink>
              ) : (
                <>{term.termId} (no longer published)</>
              )}
            </th>
            <td style={cell}>{term.allRevisions.yes}</td>
            <td style={cell}>{term.allRevisions.no}</td>
            <td style={cell}>{describeTally(term.allRevisions)}</td>
            <td style={cell}>{describeTally(term.currentRevision)}</td>
            <td style={cell}>
              <ReasonList reasons={term.reasons} />
            </td>
            {summary.commentsIncluded && (
              <td style={cell}>
                <CommentList comments={term.comments ?? []} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
