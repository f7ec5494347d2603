/**
 * What the Studio's Feedback tool offers for a search that found nothing, and the exact Content
 * Lake mutations each offer sends: a new draft term, or an alias added to a term's draft. Pure
 * functions, shared by the tool and its tests; nothing here publishes.
 */
import type {SpellingVariant} from '@/lib/search/spelling-variant'
import {formatDate} from '@/lib/text/dates'

import {plausibleSearchQuery} from './search-query'

export type MissedSearch = {query: string; count: number; firstSeen: string; lastSeen: string}

export type MissedSearchOffer =
  /** Search finds a term for it now (published or in a draft): nothing left to do. */
  | {kind: 'handled'}
  | {kind: 'add-alias'; variant: SpellingVariant}
  | {kind: 'create-term'; title: string}
  /** Control characters, only punctuation, too long: no term could be called this. */
  | {kind: 'not-a-name'}

/** The title a new term takes from a missed search: the query with a capital, or null when it cannot be a name. */
export function termTitleFromMissedSearch(query: string): string | null {
  const text = plausibleSearchQuery(query)
  return text && text.charAt(0).toLocaleUpperCase('en') + text.slice(1)
}

/** The offer for one missed search, given whether search finds it now and what it is a spelling variant of. */
export function missedSearchOffer(
  query: string,
  {found, variant}: {found: boolean; variant: SpellingVariant | null},
): MissedSearchOffer {
  if (found) return {kind: 'handled'}
  const title = termTitleFromMissedSearch(query)
  if (!title) return {kind: 'not-a-name'}
  return variant ? {kind: 'add-alias', variant} : {kind: 'create-term', title}
}

const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`)

/** The note a new term keeps of the search it came from, for the editor who writes it. */
export function missedSearchNote(miss: MissedSearch): string {
  const first = formatDate(miss.firstSeen)
  const last = formatDate(miss.lastSeen)
  const when = first === last ? `on ${first}` : `between ${first} and ${last}`
  return `Readers searched for “${miss.query}” ${times(miss.count)} ${when} and found nothing.`
}

export type NewTermDraft = {_id: string; _type: 'term'; title: string; editorialNote: string}

/** The draft a "Create term" sends: a new term with its title and the search kept as a note. */
export function newTermDraft(miss: MissedSearch, id: string): NewTermDraft | null {
  const title = termTitleFromMissedSearch(miss.query)
  if (!title) return null
  return {_id: `drafts.${id}`, _type: 'term', title, editorialNote: missedSearchNote(miss)}
}

type StoredTerm = {_id: string; _type: string; _rev: string; [field: string]: unknown}

/** A term's documents as the Content Lake holds them now: its published version and its draft, if any. */
export type TermPair = {
  published: StoredTerm | null
  draft: StoredTerm | null
}

export type AliasMutation =
  | {createIfNotExists: {_id: string; _type: string; [field: string]: unknown}}
  | {
      patch: {
        id: string
        ifRevisionID?: string
        setIfMissing: {aliases: string[]}
        insert: {after: 'aliases[-1]'; items: string[]}
      }
    }

/** Why an alias was not added, in words for the editor. */
export type AliasRefusal = {refused: string}

const SYSTEM_FIELDS = new Set(['_id', '_rev', '_createdAt', '_updatedAt'])

/**
 * The mutations that add `alias` to the term's draft, as the Studio edits: the draft is made from
 * the published version when there is none, and an existing draft is patched only at the revision
 * the editor's check saw, so an edit made meanwhile fails the patch instead of being overwritten.
 * Refused when the term is gone or already has that name.
 */
export function addAliasMutations(pair: TermPair, alias: string): AliasMutation[] | AliasRefusal {
  const current = pair.draft ?? pair.published
  if (!current) return {refused: 'The term was deleted since this list was made.'}
  const names = [current.title, ...(Array.isArray(current.aliases) ? current.aliases : [])]
  if (names.some((name) => typeof name === 'string' && name.toLowerCase() === alias.toLowerCase())) {
    return {refused: `The term is already called “${alias}”.`}
  }
  const publishedId = current._id.replace(/^drafts\./, '')
  const draftId = `drafts.${publishedId}`
  const edit = {
    setIfMissing: {aliases: []},
    insert: {after: 'aliases[-1]' as const, items: [alias]},
  }
  if (pair.draft) return [{patch: {id: draftId, ifRevisionID: pair.draft._rev, ...edit}}]
  const copy = Object.fromEntries(Object.entries(current).filter(([field]) => !SYSTEM_FIELDS.has(field)))
  return [{createIfNotExists: {...copy, _id: draftId, _type: current._type}}, {patch: {id: draftId, ...edit}}]
}
