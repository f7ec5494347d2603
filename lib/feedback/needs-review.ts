/**
 * When a term needs an editor's review, and why. A pure function of the term's figures, shared by
 * the summary the Studio reads; it has no dependencies (the causes' types ship to the browser).
 */

export type ReviewRules = {
  /** Below this helpful share in the current revision… */
  minHelpfulPercent: number
  /** …once the current revision has at least this many votes. */
  minVotes: number
  /** Not reviewed (`updated`) for this many months. */
  maxAgeMonths: number
  /** Readers reported the current revision "Incorrect or outdated" more than this many times. */
  maxIncorrectReports: number
}

export const DEFAULT_REVIEW_RULES: ReviewRules = {
  minHelpfulPercent: 60,
  minVotes: 20,
  maxAgeMonths: 12,
  maxIncorrectReports: 3,
}

export type ReviewCause =
  | {kind: 'unhelpful'; helpfulPercent: number; votes: number; message: string}
  | {kind: 'stale'; updated: string | null; message: string}
  | {kind: 'reported-incorrect'; reports: number; message: string}

export type ReviewFigures = {
  /** Votes since the term's last edit. */
  currentRevision: {yes: number; no: number}
  /** "Incorrect or outdated" reports since the term's last edit. */
  incorrectReports: number
  /** The date of the term's last editorial review (YYYY-MM-DD), or null if it never had one. */
  updated: string | null
}

/** The share of votes that said Yes, as a whole percent: the one way every view states helpfulness. */
export const helpfulPercent = (yes: number, votes: number) => Math.round((yes * 100) / votes)

/** "1 vote", "3 votes": a count with its noun. */
export const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`

/** The same day `months` calendar months before `now`, as YYYY-MM-DD. */
function monthsBefore(now: Date, months: number): string {
  const then = new Date(now)
  then.setUTCMonth(then.getUTCMonth() - months)
  return then.toISOString().slice(0, 10)
}

/**
 * The rules at `now`, to read each term's figures with: the date a review goes stale is worked out
 * once for all of them, not once a term (a summary reads ten thousand).
 *
 * Each reason a term needs review, or none. A cause clears by itself when what caused it is gone:
 * an edit starts a new revision with no votes and no reports, and a review moves `updated`.
 */
export function reviewCausesAt(rules: ReviewRules, now: Date): (figures: ReviewFigures) => ReviewCause[] {
  const staleBefore = monthsBefore(now, rules.maxAgeMonths)
  return (figures) => {
    const causes: ReviewCause[] = []
    const {yes, no} = figures.currentRevision
    const votes = yes + no
    if (votes >= rules.minVotes) {
      const percent = helpfulPercent(yes, votes)
      if (percent < rules.minHelpfulPercent) {
        causes.push({
          kind: 'unhelpful',
          helpfulPercent: percent,
          votes,
          message: `${percent}% found this revision helpful (${counted(votes, 'vote')}; the bar is ${rules.minHelpfulPercent}%)`,
        })
      }
    }
    if (figures.updated === null || figures.updated < staleBefore) {
      causes.push({
        kind: 'stale',
        updated: figures.updated,
        message: figures.updated
          ? `Last reviewed ${figures.updated}, more than ${rules.maxAgeMonths} months ago`
          : 'Never reviewed',
      })
    }
    if (figures.incorrectReports > rules.maxIncorrectReports) {
      causes.push({
        kind: 'reported-incorrect',
        reports: figures.incorrectReports,
        message: `${counted(figures.incorrectReports, 'reader')} reported this revision incorrect or outdated`,
      })
    }
    return causes
  }
}
