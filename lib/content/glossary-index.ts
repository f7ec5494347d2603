import {foldText} from '@/lib/search/fold'

/** The index's letter bar: "#" gathers titles that start with a digit or a symbol. */
export const LETTERS = ['#', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] as const
export type Letter = (typeof LETTERS)[number]

/** How a letter is spelled in URLs: `/glossary/letter/b`, and `other` for "#". */
export const letterSlug = (letter: Letter) => (letter === '#' ? 'other' : letter.toLowerCase())

export const letterFromSlug = (slug: string): Letter | null =>
  LETTERS.find((letter) => letterSlug(letter) === slug) ?? null

export const letterAnchor = (letter: Letter) => `letter-${letterSlug(letter)}`

/** How a letter reads in a sentence: "under B", "under numbers and symbols". */
export const letterName = (letter: Letter) => (letter === '#' ? 'numbers and symbols' : letter)

/**
 * How many terms the index shows under each letter; a letter with more links to its own page.
 * It keeps /glossary one quick page at ten thousand terms instead of megabytes of them.
 */
export const TERMS_PER_LETTER_ON_INDEX = 12

/** The letter a title is filed under; accents do not count ("Épingle" goes under E). */
export function letterOf(title: string): Letter {
  const first = foldText(title).charAt(0).toUpperCase()
  return (LETTERS as readonly string[]).includes(first) && first !== '#' ? (first as Letter) : '#'
}

/** Terms grouped under their letters, in letter-bar order, keeping the order they came in. */
export function groupByLetter<Term extends {title: string}>(terms: readonly Term[]): Map<Letter, Term[]> {
  const groups = new Map<Letter, Term[]>()
  for (const term of terms) {
    const letter = letterOf(term.title)
    const group = groups.get(letter)
    if (group) group.push(term)
    else groups.set(letter, [term])
  }
  return new Map(
    LETTERS.filter((letter) => groups.has(letter)).map((letter) => [letter, groups.get(letter)!]),
  )
}
