/** REDIS_URL, checked; undefined when unset. Throws a message naming the variable when malformed. */
export function sharedCacheUrl(env?: Record<string, string | undefined>): string | undefined
