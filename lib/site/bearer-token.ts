import 'server-only'

import {createHash, timingSafeEqual} from 'node:crypto'

export type BearerAccess = 'none' | 'granted' | 'wrong-token' | 'not-configured'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * What an Authorization header grants against a configured token (`Bearer <token>`), compared in
 * constant time; 'not-configured' when the setting is unset, so the route can answer as if absent.
 */
export function bearerAccess(authorization: string | null, token: string | undefined): BearerAccess {
  if (!token) return 'not-configured'
  if (authorization === null) return 'none'
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
  return given && timingSafeEqual(digest(given), digest(token)) ? 'granted' : 'wrong-token'
}
