import {PAGE_NAMES_QUERY} from '@/sanity/queries'
import type {PAGE_NAMES_QUERY_RESULT} from '@/sanity/sanity.types'
import {sanityProject} from '@/sanity/env'
import {processWide} from '@/lib/runtime/process-wide.mjs'
import {termUrlSegments} from './term-names'

export type NamedPage = 'term' | 'guide' | 'author' | 'category'

/** Every URL segment a published page answers to, by kind: its slug and the names that redirect to it. */
export type PageNames = Record<NamedPage, ReadonlySet<string>>

export function toPageNames({terms, pages}: PAGE_NAMES_QUERY_RESULT): PageNames {
  const names: Record<NamedPage, Set<string>> = {
    term: new Set(termUrlSegments(terms).keys()),
    guide: new Set(),
    author: new Set(),
    category: new Set(),
  }
  for (const page of pages) {
    for (const segment of [page.slug, ...(page.previousSlugs ?? [])]) names[page._type].add(segment)
  }
  return names
}

/** The names as lists, to keep in a file (a dataset snapshot), and back. */
export const pageNamesAsLists = ({
  term,
  guide,
  author,
  category,
}: PageNames): Record<NamedPage, string[]> => ({
  term: [...term],
  guide: [...guide],
  author: [...author],
  category: [...category],
})

export const pageNamesFromLists = ({
  term,
  guide,
  author,
  category,
}: Record<NamedPage, string[]>): PageNames => ({
  term: new Set(term),
  guide: new Set(guide),
  author: new Set(author),
  category: new Set(category),
})

/**
 * The Content Lake is asked again at most this often, and only when a segment is missing: a
 * publish on another instance reaches this one's gate within seconds, and a flood of invented
 * URLs costs one query per interval, not one per request.
 */
const LAKE_REFRESH_MS = 5000

type Held = {names: PageNames; readAt: number; stale: boolean}

/** One table per process: the proxy and the webhook's route handler are separate bundles. */
const state = processWide('page-names', () => ({
  held: undefined as Held | undefined,
  loading: undefined as Promise<Held> | undefined,
  // Names already worked out, by the answer they come from: the embedded dataset hands back the
  // same frozen answer until the file changes, and its snapshot brings the names along.
  workedOut: new WeakMap<object, PageNames>(),
}))
const {workedOut} = state

/** Records the names an answer gives, worked out elsewhere (a dataset snapshot keeps them). */
export function rememberPageNames(answer: PAGE_NAMES_QUERY_RESULT, names: PageNames) {
  workedOut.set(answer, names)
}

function namesFrom(answer: PAGE_NAMES_QUERY_RESULT): PageNames {
  let names = workedOut.get(answer)
  if (!names) rememberPageNames(answer, (names = toPageNames(answer)))
  return names
}

async function load(): Promise<Held> {
  // Loaded here, not up front: the proxy finds the table start-up filled (preparePageNames) and
  // needs the content code only on a miss.
  const {contentSource} = await import('./index')
  // Fresh: this table is ours to keep, and Next's data cache is not there in the proxy.
  const answer = await contentSource().fetch<PAGE_NAMES_QUERY_RESULT>(PAGE_NAMES_QUERY, {}, [], {fresh: true})
  return (state.held = {names: namesFrom(answer), readAt: Date.now(), stale: false})
}

function reload(): Promise<Held> {
  state.loading ??= load().finally(() => (state.loading = undefined))
  return state.loading
}

/**
 * Whether a published page of this kind answers to `segment` (its slug, an old slug or, for terms,
 * an alias). Held in memory; a miss re-reads the names (the embedded dataset answers from memory,
 * the Content Lake at most every few seconds), so a page published a moment ago is found.
 */
export async function isPublishedName(kind: NamedPage, segment: string): Promise<boolean> {
  const held = state.held ?? (await reload())
  if (held.names[kind].has(segment)) return true
  const mayRead = !sanityProject || held.stale || Date.now() - held.readAt >= LAKE_REFRESH_MS
  if (!mayRead) return false
  return (await reload()).names[kind].has(segment)
}

/**
 * Fills the table at start-up, from the embedded dataset (its snapshot holds the answer), so the
 * first request's gate answers from memory. The Content Lake is asked on the first request.
 */
export async function preparePageNames() {
  if (!sanityProject) await reload()
}

/** A publish arrived (the webhook): the next miss reads the names again at once. */
export function markPageNamesStale() {
  if (state.held) state.held.stale = true
}
