/**
 * The planner's sets: which documents an expression's elements may be (some position lists, or
 * all of them), and the scopes `@` and `^` are read in.
 */
import {includes, type Positions} from './dataset-index'

/**
 * A superset of the documents something can be: the union of some position lists (kept as they
 * are, since copying a type's ten thousand positions would cost more than the query), or `ALL`.
 */
export type Candidates = Positions[] | typeof ALL
export const ALL = 'all' as const
/** What `@` may be in a scope: some documents, or unknown. */
export type Scope = {at: Candidates; parent: Scope | null; hidden: boolean}

/** A scope about which nothing is known, nor about any scope above it. */
export const OPAQUE: Scope = {at: ALL, parent: null, hidden: false}
OPAQUE.parent = OPAQUE

// groq-js gives a hidden scope's children the hidden scope's parent, so `^` skips it.
export const nested = (scope: Scope, at: Candidates): Scope => ({
  at,
  parent: scope.hidden ? scope.parent : scope,
  hidden: false,
})
export const hiddenScope = (scope: Scope, at: Candidates): Scope => ({...nested(scope, at), hidden: true})

const sizeOf = (lists: Positions[]) => lists.reduce((total, list) => total + list.length, 0)

export function intersect(a: Candidates, b: Candidates): Candidates {
  if (a === ALL) return b
  if (b === ALL) return a
  const [small, large] = sizeOf(a) <= sizeOf(b) ? [a, b] : [b, a]
  const kept = new Set<number>()
  for (const list of small) {
    for (const position of list) if (large.some((other) => includes(other, position))) kept.add(position)
  }
  return [[...kept].sort((first, second) => first - second)]
}

export function union(a: Candidates, b: Candidates): Candidates {
  return a === ALL || b === ALL ? ALL : [...a, ...b]
}

export function positionsOf(candidates: Candidates): ReadonlySet<number> | typeof ALL {
  return candidates === ALL ? ALL : new Set(candidates.flat())
}
