import 'server-only'

import {createClient} from 'next-sanity'

import type {SanityProject} from '../../sanity/env'
import {STUDIO_PATH} from '../../sanity/env'
import {TERM_INDEX_VERSION_QUERY} from '../../sanity/queries'
import type {TERM_INDEX_VERSION_QUERY_RESULT} from '../../sanity/sanity.types'
import {withoutRequestDetails} from './lake-errors'
import {REVALIDATE_SECONDS, type ContentSource, type FetchOptions} from './source'
import {tags as cacheTags} from './tags'

type SanitySourceOptions = SanityProject & {token?: string; apiHost?: string}

type StegaFilter = NonNullable<
  NonNullable<Exclude<Parameters<typeof createClient>[0]['stega'], boolean>>['filter']
>

/**
 * Values the page compares or maps rather than prints: an edit marker inside one would break the
 * comparison (a difficulty badge would not find its label).
 */
const CODED_FIELDS = new Set(['difficulty', 'language', 'tone'])

const keepCodedValuesClean: StegaFilter = (props) =>
  CODED_FIELDS.has(String(props.sourcePath.at(-1))) ? false : props.filterDefault(props)

/**
 * Reads the Content Lake through next-sanity. Visitors get the published perspective, cached and
 * tagged so the webhook can refresh exactly what changed; only an editor in draft mode reads
 * drafts, with the read token and never from or into the cache.
 */
export function createSanitySource({
  projectId,
  dataset,
  apiVersion,
  token,
  apiHost,
}: SanitySourceOptions): ContentSource {
  const client = createClient({
    projectId,
    dataset,
    apiVersion,
    token,
    perspective: 'published',
    // The CDN serves public data fastest; a token needs the live API.
    useCdn: !token && !apiHost,
    stega: {enabled: false, studioUrl: STUDIO_PATH, filter: keepCodedValuesClean},
    ...(apiHost ? {apiHost, useProjectHostname: false} : {}),
  })

  function fetchDraft<Result>(
    query: string,
    params: Record<string, unknown>,
    draft: NonNullable<FetchOptions['draft']>,
  ) {
    if (!token) throw new Error('Draft mode needs SANITY_API_READ_TOKEN to read drafts.')
    return client.fetch<Result>(query, params, {
      perspective: draft.perspective,
      useCdn: false,
      stega: draft.stega,
      cache: 'no-store',
    })
  }

  async function fetchContent<Result>(
    query: string,
    params: Record<string, unknown>,
    tags: string[],
    {draft, fresh}: FetchOptions = {},
  ): Promise<Result> {
    try {
      if (draft) return await fetchDraft<Result>(query, params, draft)
      if (fresh) return await client.fetch<Result>(query, params, {useCdn: false, cache: 'no-store'})
      return await client.fetch<Result>(query, params, {next: {revalidate: REVALIDATE_SECONDS, tags}})
    } catch (error) {
      throw withoutRequestDetails(error)
    }
  }

  return {
    // The Content Lake may be briefly unreachable at start; ISR keeps serving the last good pages.
    warmUp: async () => null,
    fetch: fetchContent,
    // Cached under the same tag as the term lists, so it changes exactly when they are refreshed.
    version: async () => {
      const {count, updatedAt} = await fetchContent<TERM_INDEX_VERSION_QUERY_RESULT>(
        TERM_INDEX_VERSION_QUERY,
        {},
        [cacheTags.list('term')],
      )
      return `sanity:${count}:${updatedAt ?? ''}`
    },
  }
}
