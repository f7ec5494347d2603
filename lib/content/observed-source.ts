import * as queries from '@/sanity/queries'
import {metrics} from '@/lib/observability/metrics.mjs'
import {inSpan} from '@/lib/observability/spans.mjs'
import type {ContentSource, FetchOptions, QueryParams} from './source'

export type SourceName = 'embedded' | 'content-lake'

/** Each query's text to its export name in sanity/queries.ts: a bounded label that names no reader input. */
const QUERY_NAMES = new Map<unknown, string>(
  Object.entries(queries).map(([name, text]) => [text, name.replace(/_QUERY$/, '').toLowerCase()]),
)

/** How many things a query found: the length of a list, 1 for a document, 0 for nothing. */
const itemCount = (result: unknown) => (Array.isArray(result) ? result.length : result == null ? 0 : 1)

/**
 * The source with every query timed (glossary_content_query_duration_seconds, by query name and
 * source) and traced as a `groq <name>` span holding the source and the result's size, never the
 * parameters (a slug or search text a reader typed).
 */
export function observedSource(source: ContentSource, sourceName: SourceName): ContentSource {
  return {
    fetch<Result>(query: string, params: QueryParams, tags: string[], options?: FetchOptions) {
      const name = QUERY_NAMES.get(query) ?? 'other'
      const attributes = {
        'glossary.query': name,
        'glossary.content_source': sourceName,
        'glossary.draft': Boolean(options?.draft),
      }
      return inSpan<Result>(`groq ${name}`, attributes, async (span) => {
        const stopTimer = metrics.contentQueryDuration.startTimer({query: name, source: sourceName})
        try {
          const result = await source.fetch<Result>(query, params, tags, options)
          span?.setAttribute('glossary.result_items', itemCount(result))
          return result
        } finally {
          stopTimer()
        }
      })
    },
    warmUp: () => source.warmUp(),
    version: () => source.version(),
  }
}
