/** Which searches that found nothing are worth counting, and in what form. */
const SEARCH_QUERY_MAX_LENGTH = 60
const SEARCH_QUERY_MAX_WORDS = 6
/** Letters, digits and the punctuation of real term names ("A/B testing", "E-E-A-T", "C++"). */
const SEARCH_QUERY_CHARACTERS = /^[\p{L}\p{M}\p{N} \-'’.&+/#()]+$/u

/** Lower case, single spaces: "  Back LINK " and "back link" are one miss. */
export function normaliseSearchQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * The query as a missed search is counted, or null when it could not be a reader looking for a
 * term: too short or long, too many words, no letter, or characters no term name has.
 */
export function plausibleSearchQuery(query: string): string | null {
  const text = normaliseSearchQuery(query)
  const plausible =
    text.length >= 2 &&
    text.length <= SEARCH_QUERY_MAX_LENGTH &&
    text.split(' ').length <= SEARCH_QUERY_MAX_WORDS &&
    /\p{L}/u.test(text) &&
    SEARCH_QUERY_CHARACTERS.test(text)
  return plausible ? text : null
}
