import type {ReviewCause} from '@/lib/feedback/needs-review'
import type {ReasonCount, RevisionFeedback, TermComment, VoteTally} from '@/lib/feedback/summary'

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

/** Why a term needs review, one cause a line; each clears once its cause is gone. */
export function ReviewCauses({causes}: {causes: ReviewCause[]}) {
  return (
    <ul style={{margin: 0, paddingLeft: '1.1rem'}}>
      {causes.map((cause) => (
        <li key={cause.kind}>{cause.message}</li>
      ))}
    </ul>
  )
}

/** Votes per published revision, newest first: whether a rewrite helped. */
export function RevisionTable({revisions}: {revisions: RevisionFeedback[]}) {
  return (
    <table style={{borderCollapse: 'collapse'}}>
      <caption style={{textAlign: 'left', ...muted}}>Votes on each published revision, newest first</caption>
      <thead>
        <tr>
          <th scope="col" style={{textAlign: 'left', paddingRight: '1rem'}}>
            Revision
          </th>
          <th scope="col" style={{textAlign: 'left', paddingRight: '1rem'}}>
            First vote
          </th>
          <th scope="col" style={{textAlign: 'right', paddingRight: '1rem'}}>
            Helpful
          </th>
          <th scope="col" style={{textAlign: 'right', paddingRight: '1rem'}}>
            Yes
          </th>
          <th scope="col" style={{textAlign: 'right'}}>
            No
          </th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((revision) => (
          <tr key={revision.rev}>
            <th scope="row" style={{textAlign: 'left', fontWeight: 'normal', paddingRight: '1rem'}}>
              {revision.current ? 'Current' : 'Earlier'} <code>{revision.rev.slice(0, 8)}</code>
            </th>
            <td style={{paddingRight: '1rem'}}>{revision.firstVoteAt.slice(0, 10)}</td>
            <td style={{textAlign: 'right', paddingRight: '1rem'}}>{revision.tally.helpfulPercent}%</td>
            <td style={{textAlign: 'right', paddingRight: '1rem'}}>{revision.tally.yes}</td>
            <td style={{textAlign: 'right'}}>{revision.tally.no}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
