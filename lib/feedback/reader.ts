import {createHmac} from 'node:crypto'
import {isIPv6} from 'node:net'

/**
 * The client's address as the nearest proxy saw it: the last entry of X-Forwarded-For (Next sets
 * the header to the socket's address when no proxy did; the shipped nginx overwrites it with the
 * socket's address). Without a proxy in front, a client can choose this value, so it is only good
 * enough for counting votes and rate limiting, not security.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((entry) => entry.trim())
  return forwarded?.findLast(Boolean) ?? 'unknown'
}

/** The eight 16-bit groups of an IPv6 address, "::" expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const groups = (part: string) => (part ? part.split(':') : [])
  const missing = 8 - groups(head).length - groups(tail ?? '').length
  return [
    ...groups(head),
    ...Array<string>(tail === undefined ? 0 : missing).fill('0'),
    ...groups(tail ?? ''),
  ]
}

/**
 * The network an address stands for when votes are budgeted: an IPv4 address itself, an IPv6
 * address's /64 (one household or office usually gets a whole /64, and can pick any address in it).
 */
export function addressNetwork(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, '').split('%')[0]!
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped) return mapped[1]!
  if (!isIPv6(bare)) return bare
  const prefix = ipv6Groups(bare.toLowerCase())
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
  return `${prefix.join(':')}::/64`
}

const hmac = (salt: string, text: string) => createHmac('sha256', salt).update(text).digest('base64url')

/**
 * Identifies a reader without storing anything personal: an HMAC of their address and user agent,
 * keyed by a secret salt. The raw address never leaves this module.
 */
export function readerHash(salt: string, headers: Headers): string {
  return hmac(salt, `${clientAddress(headers)}\n${headers.get('user-agent') ?? ''}`)
}

/**
 * Identifies the network a vote came from, whatever its User-Agent, for the per-address budget.
 * Prefixed so it can never equal a reader hash in the shared rate table.
 */
export function addressHash(salt: string, headers: Headers): string {
  return `address:${hmac(salt, addressNetwork(clientAddress(headers)))}`
}
