import {z} from 'zod'

import {foldText} from './search/fold'

/** The index's letter bar: "#" gathers titles that start with a digit or a symbol. */
export const LETTERS = ['#', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] as const
export type Letter = (typeof LETTERS)[number]

export const letterAnchor = (letter: Letter) => `letter-${letter === '#' ? 'other' : letter.toLowerCase()}`

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
    groups.set(letter, [...(groups.get(letter) ?? []), term])
  }
  return new Map(
    LETTERS.filter((letter) => groups.has(letter)).map((letter) => [letter, groups.get(letter)!]),
  )
}

export const DIFFICULTY_OPTIONS = [
  {value: 'beginner', label: 'Beginner'},
  {value: 'intermediate', label: 'Intermediate'},
  {value: 'advanced', label: 'Advanced'},
] as const

/** A query parameter that may be missing, empty (an unset select) or repeated; the first counts. */
const param = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value) || undefined,
  z.string().trim().optional(),
)

const Filters = z.object({
  q: param.pipe(z.string().max(100).optional()).catch(undefined),
  category: param.catch(undefined),
  difficulty: param.pipe(z.enum(['beginner', 'intermediate', 'advanced']).optional()).catch(undefined),
})

export type IndexFilters = z.infer<typeof Filters>

/**
 * The index's filters from its URL (`?q=…&category=…&difficulty=…`). Anything unusable (an
 * unknown difficulty, an over-long query, a tracking parameter) is ignored rather than refused:
 * a shared link should still show the glossary.
 */
export function parseIndexFilters(searchParams: Record<string, string | string[] | undefined>): IndexFilters {
  const filters = Filters.parse(searchParams)
  return {...filters, q: filters.q || undefined}
}
