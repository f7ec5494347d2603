/**
 * Facts the Studio, the pages, the API and the Markdown share, each defined once here. Plain data
 * without imports, so the Studio's schema (which the Sanity CLI bundles without our `@/` paths)
 * reads it through a relative import like the site does.
 */

/** A term's difficulty: the stored value and the word editors and readers see, easiest first. */
export const DIFFICULTIES = [
  {value: 'beginner', title: 'Beginner'},
  {value: 'intermediate', title: 'Intermediate'},
  {value: 'advanced', title: 'Advanced'},
] as const

export type Difficulty = (typeof DIFFICULTIES)[number]['value']

/** The stored values alone, in order, in the shape `z.enum` takes. */
export const DIFFICULTY_VALUES = DIFFICULTIES.map((difficulty) => difficulty.value) as [
  Difficulty,
  ...Difficulty[],
]

export const difficultyTitle = (value: Difficulty) =>
  DIFFICULTIES.find((difficulty) => difficulty.value === value)!.title

/** How long a slug may be: the Studio's slug fields stop there too. */
export const SLUG_MAX_LENGTH = 96

/** A slug as the schema makes them: lower-case letters and digits joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Time-based ISR, the safety net behind on-demand tag revalidation, and how long shared caches may
 * keep a public answer. Next reads a route's `revalidate` only as a literal in its own file, so
 * each route repeats the number; tests/unit/revalidate-literals.test.ts holds them to this one.
 */
export const REVALIDATE_SECONDS = 3600
