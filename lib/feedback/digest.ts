/**
 * The weekly digest for the content team (`npm run feedback:digest`): what moved in a window of
 * time, in four lists, each entry with a link that opens its document in the Studio. Built from
 * plain inputs and a moment, so tests drive it without a database or a dataset; the script reads
 * the inputs (docs/feedback.md, "Weekly digest").
 */
import {isPublishedId} from '@/lib/content/document-ids'
import {unlinkedMentionsByDocument, type ReportDocument} from '@/lib/links/report'
import {buildSearchIndex, searchIndex, type SearchableTerm} from '@/lib/search/search-index'
import {absoluteUrl, studioEditPath, studioFeedbackPath} from '@/lib/site/urls'
import {printable} from '@/lib/text/control-characters'
import {counted, type ReviewCause, type ReviewRules} from './needs-review'
import {SEARCH_MISSES_KEPT, type FeedbackStore, type SearchMiss, type VoteCountsAroundRow} from './store'
import {tallyOf, termsNeedingReview, type TermRevision, type VoteTally} from './summary'

/** A term's helpful share is compared only with at least this many votes before the window and in it. */
export const MIN_VOTES_EACH_SIDE = 5
/** The moves and the missed searches listed, largest first. */
export const DIGEST_TOP = 10
/** Mention texts shown per document: enough to recognise them, the Studio has the rest. */
export const MENTION_EXAMPLES = 3

export const DEFAULT_WINDOW = '7d'
const HOUR_MS = 3_600_000
const WINDOW_UNITS: Record<string, number> = {h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS}

/** A mistake in the command line: the script says it in one line and exits with 2. */
export class DigestUsageError extends Error {}

/** The window's start: `<N>h`, `<N>d` or `<N>w` (1 to 9999) before `now`. */
export function digestWindowStart(window: string, now: Date): Date {
  const match = /^([1-9]\d{0,3})([hdw])$/.exec(window)
  if (!match)
    throw new DigestUsageError(
      `--since "${window}" must be 1 to 9999 hours, days or weeks, written like 36h, 7d or 2w.`,
    )
  return new Date(now.getTime() - Number(match[1]) * WINDOW_UNITS[match[2]!]!)
}

/**
 * `--since <N>h|d|w` (or `--since=…`; default 7d) and `--json`. The window ends at `now` and
 * starts that long before it.
 */
export function parseDigestArgs(
  args: readonly string[],
  now: Date,
): {window: string; since: Date; json: boolean} {
  let window = DEFAULT_WINDOW
  let json = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--json') json = true
    else if (arg === '--since') {
      if (i + 1 >= args.length) throw new DigestUsageError('--since needs a value, like 7d, 36h or 2w.')
      window = args[++i]!
    } else if (arg.startsWith('--since=')) window = arg.slice('--since='.length)
    else throw new DigestUsageError(`unknown argument "${arg}"; use --since 7d and --json.`)
  }
  return {window, since: digestWindowStart(window, now), json}
}

type Linked = {studioUrl: string}

export type HelpfulnessMove = Linked & {
  termId: string
  title: string
  slug: string
  before: VoteTally
  since: VoteTally
  /** Percentage points, the window's share less the share before it. */
  change: number
}

export type NewSearchMiss = {query: string; count: number; firstSeen: string; lastSeen: string}

export type NewReviewFlag = Linked & {
  termId: string
  title: string
  slug: string
  /** Only the causes the term did not have when the window began. */
  causes: ReviewCause[]
}

export type AddedMentions = Linked & {
  documentId: string
  type: string
  title: string
  count: number
  /** A few of the mentions: the words as written, and the term they name. */
  examples: {text: string; termTitle: string}[]
}

export type FeedbackDigest = {
  since: string
  until: string
  minVotesEachSide: number
  /** Where the missed searches become terms or aliases. */
  feedbackToolUrl: string
  helpfulnessMoves: HelpfulnessMove[]
  searchMisses: NewSearchMiss[]
  needsReview: NewReviewFlag[]
  unlinkedMentions: AddedMentions[]
}

export type DigestFeedback = {votes: VoteCountsAroundRow[]; searchMisses: SearchMiss[]}

/** What the digest reads from the feedback database: grouped vote counts and every kept missed search. */
export async function readDigestFeedback(store: FeedbackStore, since: Date): Promise<DigestFeedback> {
  return {
    votes: await store.voteCountsAround(since),
    searchMisses: await store.listSearchMisses(SEARCH_MISSES_KEPT),
  }
}

export type DigestInputs = DigestFeedback & {
  since: Date
  now: Date
  /** Every published term's current revision (listTermRevisions). */
  terms: readonly TermRevision[]
  /** Every published term as search reads it (listTerms). */
  searchableTerms: readonly SearchableTerm[]
  /** Every published document as stored (listLinkReportDocuments). */
  documents: readonly ReportDocument[]
  reviewRules: ReviewRules
}

const studioUrl = (id: string, type: string) => absoluteUrl(studioEditPath(id, type))

/** Published terms' helpful share over every revision, before the window and in it, largest change first. */
function helpfulnessMoves({votes, terms}: DigestInputs): HelpfulnessMove[] {
  const sides = new Map<string, {before: {yes: number; no: number}; since: {yes: number; no: number}}>()
  for (const row of votes) {
    let term = sides.get(row.termId)
    if (!term) sides.set(row.termId, (term = {before: {yes: 0, no: 0}, since: {yes: 0, no: 0}}))
    term.before[row.vote] += row.before
    term.since[row.vote] += row.since
  }
  const moves: HelpfulnessMove[] = []
  for (const term of terms) {
    const side = sides.get(term._id)
    if (!side) continue
    const before = tallyOf(side.before.yes, side.before.no)
    const since = tallyOf(side.since.yes, side.since.no)
    if (before.total < MIN_VOTES_EACH_SIDE || since.total < MIN_VOTES_EACH_SIDE) continue
    const change = since.helpfulPercent! - before.helpfulPercent!
    if (change === 0) continue
    const {_id: termId, title, slug} = term
    moves.push({termId, title, slug, studioUrl: studioUrl(termId, 'term'), before, since, change})
  }
  return moves
    .sort(
      (a, b) =>
        Math.abs(b.change) - Math.abs(a.change) ||
        b.since.total - a.since.total ||
        a.title.localeCompare(b.title),
    )
    .slice(0, DIGEST_TOP)
}

/** Searches first missed in the window that the published glossary still does not answer. */
function newSearchMisses({searchMisses, searchableTerms, since}: DigestInputs): NewSearchMiss[] {
  const index = buildSearchIndex(searchableTerms)
  return searchMisses
    .filter((miss) => miss.firstSeen >= since && searchIndex(index, miss.query, 1).total === 0)
    .sort(
      (a, b) =>
        b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime() || a.query.localeCompare(b.query),
    )
    .slice(0, DIGEST_TOP)
    .map((miss) => ({
      query: miss.query,
      count: miss.count,
      firstSeen: miss.firstSeen.toISOString(),
      lastSeen: miss.lastSeen.toISOString(),
    }))
}

/**
 * Needs review causes a term has now that it did not have when the window began: the same rules,
 * on the term's current revision and `updated`, with only the votes given before the window and
 * the window's start as the moment.
 */
function newReviewFlags({votes, terms, reviewRules, since, now}: DigestInputs): NewReviewFlag[] {
  const atStart = termsNeedingReview(
    votes.map((row) => ({...row, votes: row.before})),
    terms,
    reviewRules,
    since,
  )
  const startKinds = new Map(atStart.map((term) => [term.termId, new Set(term.causes.map((c) => c.kind))]))
  return termsNeedingReview(
    votes.map((row) => ({...row, votes: row.before + row.since})),
    terms,
    reviewRules,
    now,
  )
    .map((term) => ({
      termId: term.termId,
      title: term.title,
      slug: term.slug,
      studioUrl: studioUrl(term.termId, 'term'),
      causes: term.causes.filter((cause) => !startKinds.get(term.termId)?.has(cause.kind)),
    }))
    .filter((term) => term.causes.length > 0)
}

/**
 * Unlinked mentions in published terms and guides changed in the window (all of theirs), and in
 * any document, of a term first published in the window; most mentions first.
 */
function addedMentions({documents, since}: DigestInputs): AddedMentions[] {
  const inWindow = (at: unknown) => typeof at === 'string' && new Date(at) >= since
  const changed = new Set(documents.filter((doc) => inWindow(doc._updatedAt)).map((doc) => doc._id))
  const newTerms = new Set(
    documents
      .filter((doc) => doc._type === 'term' && isPublishedId(doc._id) && inWindow(doc._createdAt))
      .map((doc) => doc._id),
  )
  return unlinkedMentionsByDocument(documents)
    .map(({document, mentions}) => ({
      document,
      mentions: changed.has(document.id) ? mentions : mentions.filter((m) => newTerms.has(m.termId)),
    }))
    .filter(({mentions}) => mentions.length > 0)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.document.title.localeCompare(b.document.title))
    .map(({document, mentions}) => {
      const examples: AddedMentions['examples'] = []
      for (const {text, termTitle} of mentions) {
        if (examples.length === MENTION_EXAMPLES) break
        if (!examples.some((known) => known.text === text)) examples.push({text, termTitle})
      }
      return {
        documentId: document.id,
        type: document.type,
        title: document.title,
        studioUrl: studioUrl(document.id, document.type),
        count: mentions.length,
        examples,
      }
    })
}

export function buildDigest(inputs: DigestInputs): FeedbackDigest {
  return {
    since: inputs.since.toISOString(),
    until: inputs.now.toISOString(),
    minVotesEachSide: MIN_VOTES_EACH_SIDE,
    feedbackToolUrl: absoluteUrl(studioFeedbackPath),
    helpfulnessMoves: helpfulnessMoves(inputs),
    searchMisses: newSearchMisses(inputs),
    needsReview: newReviewFlags(inputs),
    unlinkedMentions: addedMentions(inputs),
  }
}

/** `2026-12-08 09:30 UTC`: to the minute is enough for a week. */
const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

function section(title: string, entries: string[][]): string {
  return [title, ...(entries.length ? entries.flat() : ['  Nothing new.'])].join('\n')
}

/** The digest as plain text: the window, then a heading per list, a Studio link under each entry. */
export function digestToText(digest: FeedbackDigest): string {
  const link = (entry: Linked) => `    ${entry.studioUrl}`
  return [
    `Feedback digest for ${minute(digest.since)} to ${minute(digest.until)}`,
    section(
      `Terms whose helpfulness moved most (at least ${digest.minVotesEachSide} votes before the window and in it)`,
      digest.helpfulnessMoves.map((move) => [
        `  ${printable(move.title)}: ${move.before.helpfulPercent}% → ${move.since.helpfulPercent}% helpful ` +
          `(${move.change > 0 ? '+' : ''}${move.change} points; ` +
          `${counted(move.before.total, 'vote')} before, ${counted(move.since.total, 'vote')} in the window)`,
        link(move),
      ]),
    ),
    section(
      'New top missed searches (first seen in the window, still finding nothing)',
      digest.searchMisses.length
        ? [
            ...digest.searchMisses.map((miss) => [
              `  "${printable(miss.query)}": ${counted(miss.count, 'time')}, first seen ${minute(miss.firstSeen)}`,
            ]),
            [`    Make them terms or aliases in the Feedback tool: ${digest.feedbackToolUrl}`],
          ]
        : [],
    ),
    section(
      'New Needs review flags',
      digest.needsReview.map((term) => [
        `  ${printable(term.title)}`,
        ...term.causes.map((cause) => `    - ${cause.message}`),
        link(term),
      ]),
    ),
    section(
      'Unlinked mentions added',
      digest.unlinkedMentions.map((doc) => [
        `  ${printable(doc.title)} (${doc.type}): ${counted(doc.count, 'unlinked mention')}: ` +
          doc.examples
            .map((example) => `"${printable(example.text)}" (${printable(example.termTitle)})`)
            .join(', '),
        link(doc),
      ]),
    ),
  ].join('\n\n')
}
