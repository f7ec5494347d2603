import {helpfulPercent, reviewCausesAt, type ReviewCause, type ReviewRules} from './needs-review'
import {REASONS, VOTES, reasonLabel, type Vote} from './reasons'
import type {CommentRow, SearchMiss, VoteCountRow} from './store'

export type VoteTally = {yes: number; no: number; total: number; helpfulPercent: number | null}

export type ReasonCount = {vote: Vote; reason: string; label: string; count: number}

export type TermComment = {
  vote: Vote
  reason: string | null
  comment: string
  at: string
  /** False for a comment on an earlier revision of the term. */
  currentRevision: boolean
}

/** The votes on one published revision of a term. */
export type RevisionFeedback = {
  rev: string
  current: boolean
  /** When its first vote was cast: when readers began to see it (ISO 8601). */
  firstVoteAt: string
  tally: VoteTally
}

export type TermFeedback = {
  termId: string
  /** Null when the term is no longer published. */
  slug: string | null
  title: string | null
  currentRev: string | null
  allRevisions: VoteTally
  /** Votes since the term's last edit. */
  currentRevision: VoteTally
  /** Each revision that has votes, newest first, so an editor sees whether a rewrite helped. */
  revisions: RevisionFeedback[]
  reasons: ReasonCount[]
  /** Only with the admin token. */
  comments?: TermComment[]
}

export type FeedbackSummary = {
  generatedAt: string
  commentsIncluded: boolean
  /** Every vote stored, on every term and revision. */
  voteCount: number
  /** Terms with at least one vote: all of them, of which `terms` may be one page. */
  termCount: number
  /** Where `terms` starts among them. */
  offset: number
  /** Lowest helpful share first; terms without votes are not listed. */
  terms: TermFeedback[]
  /** The searches that found nothing, most frequent first. */
  searchMisses: {query: string; count: number; firstSeen: string; lastSeen: string}[]
  /** The rules the Needs review flags follow (set on the server: docs/feedback.md). */
  reviewRules: ReviewRules
  /** How many published terms need review, voted or not. */
  needsReviewCount: number
  /** The published terms that need review, with why, oldest review first (a page answer has at most a page). */
  needsReview: TermNeedingReview[]
}

export type TermNeedingReview = {
  termId: string
  slug: string
  title: string
  updated: string | null
  causes: ReviewCause[]
}

export type TermRevision = {_id: string; _rev: string; slug: string; title: string; updated: string | null}

/** Code-point order, for ISO dates and times: a tenth of what `localeCompare` costs a summary's thousands of terms. */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Alphabetical order, as `localeCompare` gives it, from one collator made once. */
const alphabetical = new Intl.Collator().compare

const emptyTally = (): VoteTally => ({yes: 0, no: 0, total: 0, helpfulPercent: null})

function add(tally: VoteTally, vote: Vote, votes: number) {
  tally[vote] += votes
  tally.total += votes
}

/** Set once a term's rows are all counted: a share per row would be work thrown away. */
function settle(tally: VoteTally) {
  if (tally.total > 0) tally.helpfulPercent = helpfulPercent(tally.yes, tally.total)
  return tally
}

/** A tally of votes already counted, with its helpful share (none without votes). */
export const tallyOf = (yes: number, no: number): VoteTally =>
  settle({yes, no, total: yes + no, helpfulPercent: null})

/** Votes of one kind on one revision: what the Needs review rules read (the store's counts, or a part of them). */
export type RevisionVotes = Pick<VoteCountRow, 'termId' | 'termRev' | 'vote' | 'reason' | 'votes'>

/** What the Needs review rules read of one term's votes: those on its current revision. */
type CurrentRevisionFigures = {currentRevision: VoteTally; incorrectReports: number}

const noVotes: CurrentRevisionFigures = {currentRevision: emptyTally(), incorrectReports: 0}

/** Counts a row on the term’s current revision into its figures. */
function addCurrent(figures: CurrentRevisionFigures, row: RevisionVotes) {
  add(figures.currentRevision, row.vote, row.votes)
  if (row.reason === 'incorrect-or-outdated') figures.incorrectReports += row.votes
}

/** The published terms whose figures the rules flag at `now`, with why, oldest review first. */
function needingReview(
  terms: readonly TermRevision[],
  figuresOf: (termId: string) => CurrentRevisionFigures | undefined,
  rules: ReviewRules,
  now: Date,
): TermNeedingReview[] {
  const reviewCauses = reviewCausesAt(rules, now)
  const flagged: TermNeedingReview[] = []
  for (const term of terms) {
    const {currentRevision, incorrectReports} = figuresOf(term._id) ?? noVotes
    const causes = reviewCauses({currentRevision, incorrectReports, updated: term.updated})
    if (causes.length === 0) continue
    flagged.push({termId: term._id, slug: term.slug, title: term.title, updated: term.updated, causes})
  }
  return flagged.sort((a, b) => byString(a.updated ?? '', b.updated ?? '') || alphabetical(a.title, b.title))
}

/**
 * The published terms that need review at `now`, with why, oldest review first: each term's rules
 * read the votes and "Incorrect or outdated" reports on its current revision among `counts`.
 */
export function termsNeedingReview(
  counts: readonly RevisionVotes[],
  terms: readonly TermRevision[],
  rules: ReviewRules,
  now: Date,
): TermNeedingReview[] {
  const currentRev = new Map(terms.map((term) => [term._id, term._rev]))
  const figures = new Map<string, CurrentRevisionFigures>()
  for (const row of counts) {
    if (row.termRev !== currentRev.get(row.termId)) continue
    let entry = figures.get(row.termId)
    if (!entry) figures.set(row.termId, (entry = {currentRevision: emptyTally(), incorrectReports: 0}))
    addCurrent(entry, row)
  }
  return needingReview(terms, (termId) => figures.get(termId), rules, now)
}

/** A voted term's totals, which rank it, and its rows and comments, which its detail is built from. */
type RankedTerm = CurrentRevisionFigures & {
  termId: string
  slug: string | null
  title: string | null
  currentRev: string | null
  allRevisions: VoteTally
  rows: VoteCountRow[]
  comments: CommentRow[]
}

/**
 * Every voted term ranked weakest first, with the totals and what Needs review found: what a page
 * of the summary is cut from. Only the terms on a page are built in full (`summaryTerms`), so a
 * summary costs a pass over the counts and a sort, not ten thousand terms' detail.
 */
export type RankedFeedback = {
  /** The summary but for its terms. */
  totals: Omit<FeedbackSummary, 'terms' | 'offset'>
  ranked: RankedTerm[]
}

/** Puts the stored counts together with the terms' current revisions for the content team. */
export function rankFeedback({
  counts,
  terms,
  comments,
  searchMisses,
  reviewRules,
  now = new Date(),
}: {
  counts: VoteCountRow[]
  terms: TermRevision[]
  comments?: CommentRow[]
  searchMisses: SearchMiss[]
  reviewRules: ReviewRules
  now?: Date
}): RankedFeedback {
  const current = new Map(terms.map((term) => [term._id, term]))
  const byTerm = new Map<string, RankedTerm>()
  const rankedFor = (termId: string) => {
    let entry = byTerm.get(termId)
    if (!entry) {
      const term = current.get(termId)
      entry = {
        termId,
        slug: term?.slug ?? null,
        title: term?.title ?? null,
        currentRev: term?._rev ?? null,
        allRevisions: emptyTally(),
        currentRevision: emptyTally(),
        incorrectReports: 0,
        rows: [],
        comments: [],
      }
      byTerm.set(termId, entry)
    }
    return entry
  }
  for (const row of counts) {
    const entry = rankedFor(row.termId)
    entry.rows.push(row)
    add(entry.allRevisions, row.vote, row.votes)
    if (row.termRev === entry.currentRev) addCurrent(entry, row)
  }
  for (const entry of byTerm.values()) {
    settle(entry.allRevisions)
    settle(entry.currentRevision)
  }
  for (const row of comments ?? []) rankedFor(row.termId).comments.push(row)

  const needsReview = needingReview(terms, (termId) => byTerm.get(termId), reviewRules, now)
  const ranked = [...byTerm.values()].sort(
    (a, b) =>
      (a.allRevisions.helpfulPercent ?? 101) - (b.allRevisions.helpfulPercent ?? 101) ||
      b.allRevisions.total - a.allRevisions.total ||
      alphabetical(a.title ?? a.termId, b.title ?? b.termId),
  )
  const totals = {
    generatedAt: now.toISOString(),
    commentsIncluded: Boolean(comments),
    voteCount: ranked.reduce((sum, entry) => sum + entry.allRevisions.total, 0),
    termCount: ranked.length,
    searchMisses: searchMisses.map((miss) => ({
      query: miss.query,
      count: miss.count,
      firstSeen: miss.firstSeen.toISOString(),
      lastSeen: miss.lastSeen.toISOString(),
    })),
    reviewRules,
    needsReviewCount: needsReview.length,
    needsReview,
  }
  return {totals, ranked}
}

/**
 * Ranked terms in full, as the content team reads them: each revision, the reasons, the comments.
 * A page's worth is built on each request from a ranking that is kept a few seconds.
 */
export function summaryTerms(feedback: RankedFeedback, ranked: readonly RankedTerm[]): TermFeedback[] {
  return ranked.map((term) => {
    const revisions: RevisionFeedback[] = []
    const reasons: ReasonCount[] = []
    for (const row of term.rows) {
      let revision = revisions.find((known) => known.rev === row.termRev)
      if (!revision) {
        const current = row.termRev === term.currentRev
        revision = {rev: row.termRev, current, firstVoteAt: row.firstVoteAt, tally: emptyTally()}
        revisions.push(revision)
      }
      if (row.firstVoteAt < revision.firstVoteAt) revision.firstVoteAt = row.firstVoteAt
      add(revision.tally, row.vote, row.votes)
      if (!row.reason) continue
      const known = reasons.find((r) => r.vote === row.vote && r.reason === row.reason)
      if (known) known.count += row.votes
      else
        reasons.push({
          vote: row.vote,
          reason: row.reason,
          label: reasonLabel(row.vote, row.reason),
          count: row.votes,
        })
    }
    for (const revision of revisions) settle(revision.tally)
    return {
      termId: term.termId,
      slug: term.slug,
      title: term.title,
      currentRev: term.currentRev,
      allRevisions: term.allRevisions,
      currentRevision: term.currentRevision,
      revisions: revisions.sort((a, b) => byString(b.firstVoteAt, a.firstVoteAt)),
      reasons: reasons.sort((a, b) => b.count - a.count || alphabetical(a.label, b.label)),
      ...(feedback.totals.commentsIncluded && {
        comments: term.comments.map((row) => ({
          vote: row.vote,
          reason: row.reason,
          comment: row.comment,
          at: row.at.toISOString(),
          currentRevision: row.termRev === term.currentRev,
        })),
      }),
    }
  })
}

/** The whole summary: every voted term in full (the spreadsheet's rows). */
export function wholeSummary(feedback: RankedFeedback): FeedbackSummary {
  return {...feedback.totals, offset: 0, terms: summaryTerms(feedback, feedback.ranked)}
}

/** Every fixed reason as a CSV column, so the columns never depend on what readers happened to pick. */
const REASON_COLUMNS = VOTES.flatMap((vote) =>
  Object.keys(REASONS[vote]).map((reason) => ({
    vote,
    reason,
    header: `${vote}_${reason.replaceAll('-', '_')}`,
  })),
)

/**
 * A spreadsheet cell: quoted when needed, and text that a spreadsheet would run as a formula
 * (readers write the comments) is prefixed with an apostrophe.
 */
function cell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One row per term; comments (when included) in one cell, newest first, one per line. */
export function summaryToCsv(summary: FeedbackSummary): string {
  const header = [
    'term_id',
    'slug',
    'title',
    'yes',
    'no',
    'total',
    'helpful_percent',
    'current_revision_yes',
    'current_revision_no',
    'current_revision_helpful_percent',
    ...REASON_COLUMNS.map((column) => column.header),
    ...(summary.commentsIncluded ? ['comments'] : []),
  ]
  const rows = summary.terms.map((term) => [
    term.termId,
    term.slug,
    term.title,
    term.allRevisions.yes,
    term.allRevisions.no,
    term.allRevisions.total,
    term.allRevisions.helpfulPercent,
    term.currentRevision.yes,
    term.currentRevision.no,
    term.currentRevision.helpfulPercent,
    ...REASON_COLUMNS.map(
      ({vote, reason}) => term.reasons.find((r) => r.vote === vote && r.reason === reason)?.count ?? 0,
    ),
    ...(summary.commentsIncluded
      ? [
          (term.comments ?? [])
            .map((c) => `[${c.vote}${c.reason ? `, ${c.reason}` : ''}] ${c.comment}`)
            .join('\n'),
        ]
      : []),
  ])
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
