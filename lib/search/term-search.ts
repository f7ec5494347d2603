import 'server-only'

import {headers} from 'next/headers'
import {after} from 'next/server'

import {contentVersion, listTerms, type TermIndexEntry} from '@/lib/content'
import {recordSearchMiss} from '@/lib/feedback/server'
import {metrics} from '@/lib/observability/metrics.mjs'
import {processWide} from '@/lib/runtime/process-wide.mjs'

import {buildSearchIndex, searchIndex, type SearchIndex} from './search-index'

type Built = {version: string; index: Promise<SearchIndex<TermIndexEntry>>}

/** One index per process: the search page and the search API are separate bundles. */
const shared = processWide('search-index', () => ({built: undefined as Built | undefined}))

/**
 * The search index over every term, built once per content version and shared by all requests
 * of this process. Asking for the version is cheap (an in-memory counter locally, a cached query
 * on the Content Lake); listing and folding every term is what we avoid repeating.
 */
export function termSearchIndex(): Promise<SearchIndex<TermIndexEntry>> {
  return contentVersion().then((version) => {
    if (shared.built?.version !== version) {
      const index = listTerms({published: true}).then((terms) => buildSearchIndex(terms))
      const entry = {version, index}
      shared.built = entry
      index.catch(() => {
        if (shared.built === entry) shared.built = undefined
      })
    }
    return shared.built.index
  })
}

export type TermSearchResult = {
  slug: string
  title: string
  shortDefinition: string
  difficulty: TermIndexEntry['difficulty']
  category: TermIndexEntry['category']
  matchedAlias: string | null
}

/** Ranked matches for a reader's query (see `searchIndex`), at most `limit` of them. */
export async function searchTerms(
  query: string,
  limit = Infinity,
): Promise<{total: number; results: TermSearchResult[]}> {
  const {total, hits} = searchIndex(await termSearchIndex(), query, limit)
  return {
    total,
    results: hits.map(({term, matchedAlias}) => ({
      slug: term.slug,
      title: term.title,
      shortDefinition: term.shortDefinition,
      difficulty: term.difficulty,
      category: term.category,
      matchedAlias,
    })),
  }
}

/**
 * Counts a reader's search in glossary_search_queries_total: a submitted search (the results page)
 * or the suggestions fetched while typing, and whether it found anything.
 */
export function countSearch(kind: 'submitted' | 'suggestions', total: number) {
  metrics.searchQueries.inc({kind, result: total > 0 ? 'hit' : 'miss'})
}

/**
 * A search a reader submitted (the results page, not the suggestions fetched while typing, which
 * would count every half-typed word): when it finds nothing, it is counted for the content team
 * as a term readers looked for and did not find, after the page has been sent (the page never
 * waits for the database). Only the query text is kept.
 */
export async function searchSubmitted(query: string): Promise<{total: number; results: TermSearchResult[]}> {
  const found = await searchTerms(query)
  countSearch('submitted', found.total)
  if (found.total === 0) {
    const reader = await headers()
    after(() => recordSearchMiss(query, reader))
  }
  return found
}
