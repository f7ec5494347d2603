/**
 * REDIS_URL, read in one place by next.config.ts (whether to install the shared cache), the cache
 * handler (where to connect) and start-up (to stop on a malformed value). Plain JavaScript: Next
 * loads the cache handler with Node's own `import`, without compiling it.
 */

/** The shared cache's address, or undefined when none is set (one instance, its own cache). */
export function sharedCacheUrl(env = process.env) {
  const value = env.REDIS_URL?.trim()
  if (!value) return undefined
  let url
  try {
    url = new URL(value)
  } catch {
    throw new Error(
      `REDIS_URL "${redacted(value)}" is not a URL: expected redis://host:6379 or rediss://host:6380.`,
    )
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (it starts with ${url.protocol}//).`)
  }
  if (!url.hostname) throw new Error('REDIS_URL names no host: expected redis://host:6379.')
  return value
}

/** The value with any password replaced, so an error message never prints it. */
function redacted(value) {
  return value.replace(/\/\/([^@/]*)@/, '//***@')
}
