import {REVALIDATE_SECONDS} from '@/lib/vocabulary'

/** Anyone may read the JSON API from any page: it is public, published content only. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
}

/** Shared caches keep an answer as long as ISR does and may serve it stale for a day while refreshing. */
export const PUBLIC_CACHE = {
  'Cache-Control': `public, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=86400`,
}

/** Errors are not cached: a term created a minute later must not stay a 404. */
export const NO_STORE = {'Cache-Control': 'no-store'}
