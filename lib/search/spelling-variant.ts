import {foldText} from './fold'

/** A term's names as an editor sees them: its title and its aliases. */
export type NamedTerm = {id: string; title: string; aliases?: string[] | null}

export type SpellingVariant = {
  termId: string
  termTitle: string
  /** The title or alias the query is a variant of. */
  name: string
  /** Letters that differ: 0 when only spacing, punctuation, case or a plural ending does. */
  distance: number
}

/** "Back-links" and "backlinks" alike: folded, with no spaces or punctuation between the words. */
const compact = (text: string) => foldText(text).replaceAll(' ', '')

/** The singular of a compacted name's last word, as far as English plurals go: enough to compare. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 4 && /(?:ch|sh|ss|x|z)es$/.test(word)) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

const comparable = (text: string) => singular(compact(text))

/** How many typing slips a name of this length tolerates: none in short names, where one letter makes another word. */
const slipsAllowed = (length: number) => (length >= 10 ? 2 : length >= 5 ? 1 : 0)

/** Which letters a text has, one bit per letter (by code modulo 32): a cheap first test of two names. */
function letterMask(text: string): number {
  let mask = 0
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31)
  return mask
}

function bitCount(value: number): number {
  let count = 0
  for (let rest = value; rest; rest &= rest - 1) count++
  return count
}

/**
 * The edit distance of `a` and `b` (insertions, deletions, substitutions and swaps of two
 * neighbours), or `limit + 1` as soon as it must exceed `limit`. Each slip changes at most two
 * letters of the set a name has, so names whose letters differ more are ruled out before any
 * cell is computed; for the rest only the cells within `limit` of the diagonal can matter.
 */
function distanceWithin(
  a: string,
  b: string,
  maskA: number,
  maskB: number,
  limit: number,
  rows: Int32Array[],
): number {
  if (Math.abs(a.length - b.length) > limit || bitCount(maskA ^ maskB) > 2 * limit) return limit + 1
  const over = limit + 1
  let [beforeLast, last, row] = rows as [Int32Array, Int32Array, Int32Array]
  beforeLast.fill(over, 0, b.length + 1)
  for (let j = 0; j <= b.length; j++) last[j] = Math.min(j, over)
  for (let i = 1; i <= a.length; i++) {
    row.fill(over, 0, b.length + 1)
    row[0] = Math.min(i, over)
    let best = row[0]
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let cell = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cell = Math.min(cell, beforeLast[j - 2]! + 1)
      }
      row[j] = Math.min(cell, over)
      if (cell < best) best = cell
    }
    if (best > limit) return over
    ;[beforeLast, last, row] = [last, row, beforeLast]
  }
  return last[b.length]!
}

/**
 * Prepares every term's names once and answers, for a missed search, the term whose title or
 * alias it spells another way, or null: the same letters apart from spaces, punctuation, case and
 * a plural ending ("back links" for "Backlink"), or one typing slip away (two in names of ten
 * letters or more: "canonnical tag"). The closest wins, then the title A to Z. A query that is
 * exactly a name is not a variant of it: search finds that one.
 */
export function spellingVariantFinder(terms: readonly NamedTerm[]) {
  const names = terms.flatMap((term) =>
    [term.title, ...(term.aliases ?? [])].map((name) => {
      const forms = comparable(name)
      return {term, name, folded: foldText(name), comparable: forms, mask: letterMask(forms)}
    }),
  )
  // Three rows of the distance table, long enough for any name, reused by every comparison.
  const longest = Math.max(0, ...names.map((name) => name.comparable.length))
  const rows = [0, 1, 2].map(() => new Int32Array(longest + 1))
  return function spellingVariantOf(query: string): SpellingVariant | null {
    const folded = foldText(query)
    const wanted = comparable(query)
    const wantedMask = letterMask(wanted)
    const allowed = slipsAllowed(wanted.length)
    let found: SpellingVariant | null = null
    for (const {term, name, ...forms} of names) {
      if (forms.folded === folded) return null
      const distance = distanceWithin(wanted, forms.comparable, wantedMask, forms.mask, allowed, rows)
      const closer =
        !found ||
        distance < found.distance ||
        (distance === found.distance && term.title.localeCompare(found.termTitle) < 0)
      if (distance <= allowed && closer) found = {termId: term.id, termTitle: term.title, name, distance}
    }
    return found
  }
}
