import 'server-only'

import {createClient} from 'next-sanity'

import type {SanityProject} from '../../sanity/env'
import {TERM_INDEX_VERSION_QUERY} from '../../sanity/queries'
import type {TERM_INDEX_VERSION_QUERY_RESULT} from '../../sanity/sanity.types'
import {REVALIDATE_SECONDS, type ContentSource} from './source'
import {tags} from './tags'

type SanitySourceOptions = SanityProject & {token?: string; apiHost?: string}

/**
 * Reads the Content Lake through next-sanity. Always the published perspective: visitors never
 * see drafts. Each fetch carries Next cache tags so a webhook can refresh exactly what changed.
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
    stega: false,
    ...(apiHost ? {apiHost, useProjectHostname: false} : {}),
  })
  const fetch = <Result>(query: string, params: Record<string, unknown>, cacheTags: string[]) =>
    client.fetch<Result>(query, params, {next: {revalidate: REVALIDATE_SECONDS, tags: cacheTags}})
  return {
    // The Content Lake may be briefly unreachable at start; ISR keeps serving the last good pages.
    warmUp: async () => {},
    fetch,
    // Cached under the same tag as the term lists, so it changes exactly when they are refreshed.
    version: async () => {
      const {count, updatedAt} = await fetch<TERM_INDEX_VERSION_QUERY_RESULT>(TERM_INDEX_VERSION_QUERY, {}, [
        tags.termIndex,
      ])
      return `sanity:${count}:${updatedAt ?? ''}`
    },
  }
}
