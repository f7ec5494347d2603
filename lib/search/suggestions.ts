import type {TermSearchResult} from './term-search'

/** One suggestion in the search box, as `GET /api/search` sends it. */
export type SearchSuggestion = Pick<
  TermSearchResult,
  'title' | 'shortDefinition' | 'difficulty' | 'matchedAlias'
> & {url: string}

export type SearchSuggestions = {query: string; total: number; results: SearchSuggestion[]}
