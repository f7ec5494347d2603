import 'server-only'

import {AsyncLocalStorage} from 'node:async_hooks'

import {createClient, type ClientConfig} from 'next-sanity'
import {Agent} from 'undici'

import type {SanityProject} from '@/sanity/env'
import {STUDIO_PATH} from '@/sanity/env'
import {TERM_INDEX_VERSION_QUERY} from '@/sanity/queries'
import type {TERM_INDEX_VERSION_QUERY_RESULT} from '@/sanity/sanity.types'
import {contentLakeFaultSettings} from '@/lib/env.server'
import {createOutageLog} from '@/lib/health/outage-log.mjs'
import {reportContentSource} from '@/lib/health/status.mjs'
import {metrics} from '@/lib/observability/metrics.mjs'
import {REVALIDATE_SECONDS} from '@/lib/vocabulary'
import {withoutRequestDetails} from './lake-errors'
import {createLakeGuard} from './lake-guard'
import {markRequestUnavailable} from './outage-response'
import type {ContentSource, FetchOptions} from './source'
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

/** Called by the connection pool when the current query goes to the lake, not to Next's data cache. */
const queryInProgress = new AsyncLocalStorage<() => void>()

/**
 * The connections to the Content Lake: a connection timeout (Node's fetch waits 10 s for one), and
 * a word to the query whose request they carry, so the lake guard knows the lake itself answered.
 */
function lakeConnections(connectTimeoutMs: number): Agent {
  const agent = new Agent({connect: {timeout: connectTimeoutMs}})
  return Object.create(agent, {
    dispatch: {
      value: (...args: Parameters<Agent['dispatch']>) => {
        queryInProgress.getStore()?.()
        return agent.dispatch(...args)
      },
    },
  }) as Agent
}

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
  const faults = contentLakeFaultSettings()
  const outage = createOutageLog('Content Lake')
  const guard = createLakeGuard({
    ...faults,
    onFailure: (kind) => metrics.contentSourceFailures.inc({source: 'content-lake', kind}),
    onUnavailable: (error, reason) => {
      if (markRequestUnavailable(error.retryAfterSeconds)) outage.failed(reason, {kind: error.kind})
    },
    onRecovered: () => outage.recovered(),
  })
  reportContentSource('content-lake', () => {
    const state = guard.state()
    return state === 'closed' ? 'up' : state
  })

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
    // The guard retries (once, inside the time budget); the client's own retries would outlast it.
    maxRetries: 0,
    // Options the client adds to every request's fetch (Next's, which keeps the data cache).
    fetch: {dispatcher: lakeConnections(faults.connectTimeoutMs)} as ClientConfig['fetch'],
  })

  function fetchDraft<Result>(
    query: string,
    params: Record<string, unknown>,
    draft: NonNullable<FetchOptions['draft']>,
    signal: AbortSignal,
  ) {
    if (!token) throw new Error('Draft mode needs SANITY_API_READ_TOKEN to read drafts.')
    return client.fetch<Result>(query, params, {
      perspective: draft.perspective,
      useCdn: false,
      stega: draft.stega,
      cache: 'no-store',
      signal,
    })
  }

  async function fetchContent<Result>(
    query: string,
    params: Record<string, unknown>,
    tags: string[],
    {draft, fresh}: FetchOptions = {},
  ): Promise<Result> {
    try {
      return await guard.run(({signal, reachedLake}) =>
        queryInProgress.run(reachedLake, () => {
          if (draft) return fetchDraft<Result>(query, params, draft, signal)
          if (fresh) return client.fetch<Result>(query, params, {useCdn: false, cache: 'no-store', signal})
          return client.fetch<Result>(query, params, {next: {revalidate: REVALIDATE_SECONDS, tags}, signal})
        }),
      )
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
