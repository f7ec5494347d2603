import {createHmac} from 'node:crypto'

/**
 * The client's address as the nearest proxy saw it: the last entry of X-Forwarded-For (Next sets
 * the header to the socket's address when no proxy did). Without a proxy in front, a client can
 * choose this value, so it is only good enough for counting votes and rate limiting, not security.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((entry) => entry.trim())
  return forwarded?.findLast(Boolean) ?? 'unknown'
}

/**
 * Identifies a reader without storing anything personal: an HMAC of their address and user agent,
 * keyed by a secret salt. The raw address never leaves this function.
 */
export function readerHash(salt: string, headers: Headers): string {
  return createHmac('sha256', salt)
    .update(`${clientAddress(headers)}\n${headers.get('user-agent') ?? ''}`)
    .digest('base64url')
}
