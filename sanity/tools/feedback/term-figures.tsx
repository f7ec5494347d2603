import type {ReasonCount, TermComment, VoteTally} from '@/lib/feedback/summary'

const muted = {color: 'var(--card-muted-fg-color, #5f6368)'}

/** "67% helpful (3 votes)", or that there are none yet. */
export function describeTally(tally: VoteTally): string {
  if (tally.total === 0) return 'No votes'
  return `${tally.helpfulPercent}% helpful (${tally.total} ${tally.total === 1 ? 'vote' : 'votes'})`
}

export function ReasonList({reasons}: {reasons: ReasonCount[]}) {
  if (reasons.length === 0) return <span style={muted}>No reasons given</span>
  return (
    <ul style={{margin: 0, paddingLeft: '1.1rem'}}>
      {reasons.map((reason) => (
        <li key={`${reason.vote}:${reason.reason}`}>
          {reason.vote === 'yes' ? 'Yes' : 'No'}: {reason.label} ×{reason.count}
        </li>
      ))}
    </ul>
  )
}

export function CommentList({comments}: {comments: TermComment[]}) {
  if (comments.length === 0) return <p style={{...muted, margin: 0}}>No comments.</p>
  return (
    <ul style={{margin: 0, paddingLeft: '1.1rem'}}>
      {comments.map((comment) => (
        <li key={`${comment.at}:${comment.comment}`} style={{marginBottom: '0.4rem'}}>
          <q>{comment.comment}</q>{' '}
          <span style={muted}>
            — {comment.vote === 'yes' ? 'Yes' : 'No'}, {new Date(comment.at).toLocaleDateString()}
            {comment.currentRevision ? '' : ', before the last edit'}
          </span>
        </li>
      ))}
    </ul>
  )
}
