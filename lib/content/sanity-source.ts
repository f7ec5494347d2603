import 'server-only'

import {createClient} from 'next-sanity'

import type {SanityProject} from '../../sanity/env'
import {REVALIDATE_SECONDS, type ContentSource} from './source'

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
  return {
    // The Content Lake may be briefly unreachable at start; ISR keeps serving the last good pages.
    warmUp: async () => {},
    fetch: <Result>(query: string, params: Record<string, unknown>, tags: string[]) =>
      client.fetch<Result>(query, params, {next: {revalidate: REVALIDATE_SECONDS, tags}}),
  }
}
