import {foldText} from './fold'

/** What search needs to know about a term; the index keeps the whole entry it was given. */
export type SearchableTerm = {
  title: string
  slug: string
  shortDefinition: string
  aliases?: string[] | null
}

/** How a term matched, best first: the order results are ranked in. */
export const MatchKind = {
  title: 0,
  alias: 1,
  titlePrefix: 2,
  aliasPrefix: 3,
  /** Every word of the query begins a word of the title or of one alias. */
  nameWords: 4,
  /** Every word of the query begins a word of the title, the aliases or the short definition. */
  text: 5,
} as const

export type MatchKind = (typeof MatchKind)[keyof typeof MatchKind]

export type SearchHit<Term extends SearchableTerm> = {
  term: Term
  match: MatchKind
  /** The alias the query found the term by, when it was an alias and not the title. */
  matchedAlias: string | null
}

type Entry<Term extends SearchableTerm> = {
  term: Term
  title: string
  titleWords: string[]
  aliases: {alias: string; folded: string; words: string[]}[]
  definitionWords: string[]
}

export type SearchIndex<Term extends SearchableTerm> = {
  /** Sorted by title, so equally good matches come out A to Z. */
  entries: Entry<Term>[]
  /** Every distinct word of every title, alias and short definition, sorted. */
  words: string[]
  /** For each of `words`, the entries (by position, ascending) that contain it. */
  postings: number[][]
}

const wordsOf = (folded: string) => (folded ? [...new Set(folded.split(' '))] : [])

/** Prepares every term once (folded names and words), so a query only compares strings. */
export function buildSearchIndex<Term extends SearchableTerm>(terms: readonly Term[]): SearchIndex<Term> {
  const entries = terms.map((term) => {
    const title = foldText(term.title)
    return {
      term,
      title,
      titleWords: wordsOf(title),
      aliases: (term.aliases ?? []).map((alias) => {
        const folded = foldText(alias)
        return {alias, folded, words: wordsOf(folded)}
      }),
      definitionWords: wordsOf(foldText(term.shortDefinition)),
    }
  })
  entries.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))

  const postingsByWord = new Map<string, number[]>()
  entries.forEach((entry, position) => {
    const all = new Set([
      ...entry.titleWords,
      ...entry.aliases.flatMap((alias) => alias.words),
      ...entry.definitionWords,
    ])
    for (const word of all) {
      const list = postingsByWord.get(word)
      if (list) list.push(position)
      else postingsByWord.set(word, [position])
    }
  })
  const words = [...postingsByWord.keys()].sort()
  return {entries, words, postings: words.map((word) => postingsByWord.get(word)!)}
}

/** The first position in the sorted `words` at or after `token`. */
function lowerBound(words: string[], token: string): number {
  let low = 0
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (words[middle]! < token) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The entries in which every token begins some word. Every kind of match implies this (a title
 * that starts with the query has the query's words at the start of its own), so only these
 * entries need a closer look: a query touches a few postings instead of every term.
 */
function candidates<Term extends SearchableTerm>(index: SearchIndex<Term>, tokens: string[]): number[] {
  let result: Set<number> | null = null
  for (const token of tokens) {
    const found = new Set<number>()
    for (let i = lowerBound(index.words, token); i < index.words.length; i++) {
      if (!index.words[i]!.startsWith(token)) break
      for (const position of index.postings[i]!) if (!result || result.has(position)) found.add(position)
    }
    result = found
    if (!result.size) break
  }
  return [...(result ?? [])].sort((a, b) => a - b)
}

const beginsAWord = (tokens: string[], ...wordLists: string[][]) =>
  tokens.every((token) => wordLists.some((list) => list.some((word) => word.startsWith(token))))

function matchEntry<Term extends SearchableTerm>(
  entry: Entry<Term>,
  query: string,
  tokens: string[],
): SearchHit<Term> | null {
  const hit = (match: MatchKind, matchedAlias: string | null = null) => ({
    term: entry.term,
    match,
    matchedAlias,
  })
  if (entry.title === query) return hit(MatchKind.title)
  const exactAlias = entry.aliases.find((alias) => alias.folded === query)
  if (exactAlias) return hit(MatchKind.alias, exactAlias.alias)
  if (entry.title.startsWith(query)) return hit(MatchKind.titlePrefix)
  const aliasPrefix = entry.aliases.find((alias) => alias.folded.startsWith(query))
  if (aliasPrefix) return hit(MatchKind.aliasPrefix, aliasPrefix.alias)
  if (beginsAWord(tokens, entry.titleWords)) return hit(MatchKind.nameWords)
  const aliasWords = entry.aliases.find((alias) => beginsAWord(tokens, alias.words))
  if (aliasWords) return hit(MatchKind.nameWords, aliasWords.alias)
  const names = [entry.titleWords, ...entry.aliases.map((alias) => alias.words)]
  if (beginsAWord(tokens, ...names, entry.definitionWords)) return hit(MatchKind.text)
  return null
}

/**
 * Finds terms by title, alias or short definition, ignoring case and accents. Results are ranked
 * exact title, exact alias, title prefix, alias prefix, then word matches; ties go A to Z.
 * `total` counts every match; `hits` holds the first `limit` of them.
 */
export function searchIndex<Term extends SearchableTerm>(
  index: SearchIndex<Term>,
  query: string,
  limit = Infinity,
): {total: number; hits: SearchHit<Term>[]} {
  const folded = foldText(query)
  if (!folded) return {total: 0, hits: []}
  const tokens = folded.split(' ')
  const hits: SearchHit<Term>[] = []
  for (const position of candidates(index, tokens)) {
    const hit = matchEntry(index.entries[position]!, folded, tokens)
    if (hit) hits.push(hit)
  }
  // A stable sort keeps the A-to-Z order within each kind of match.
  hits.sort((a, b) => a.match - b.match)
  return {total: hits.length, hits: hits.slice(0, limit)}
}
