/**
 * What we add around the maintained Redis handler (@fortedigital/nextjs-cache-handler), so that
 * the shared cache can fail without taking a page down or flooding the log:
 * - a value under our keys that is not a cache entry (corrupt, or written by something else) is
 *   a miss, never an entry handed to Next;
 * - after a failure the handler is skipped for a few seconds (a hung Redis costs one request the
 *   command timeout, not every request), and the outage is logged once, its end once;
 * - tags revalidated while Redis was unreachable are revalidated again when it is back, so no
 *   instance keeps serving a page a publish during the outage made stale;
 * - a route handler's response (`.md`, `llms.txt`, the feed) is stored with the tags its data
 *   carried: Next passes them in the response's headers, where the package reads them for pages only.
 * The handler package catches what these throw and answers Next with a miss.
 */

import {createOutageLog} from '../health/outage-log.mjs'
import {metrics} from '../observability/metrics.mjs'
import {inSpan} from '../observability/spans.mjs'

const PAGE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'FETCH', 'PAGES', 'REDIRECT', 'IMAGE'])

/** Whether a parsed value has the shape the handler stores: {lastModified, tags, value: {kind}}. */
export function isCacheEntry(entry) {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Number.isFinite(entry.lastModified) &&
    Array.isArray(entry.tags) &&
    entry.tags.every((tag) => typeof tag === 'string') &&
    (entry.value === null || (typeof entry.value === 'object' && PAGE_KINDS.has(entry.value?.kind)))
  )
}

/** JSON as the handler's own serializer writes it; anything that does not parse to an entry reads as a miss. */
export const checkedSerializer = {
  serialize: (entry) => JSON.stringify(entry),
  deserialize(stored) {
    try {
      const entry = JSON.parse(typeof stored === 'string' ? stored : String(stored))
      return isCacheEntry(entry) ? entry : null
    } catch {
      return null
    }
  },
}

/** The entry with the tags Next put in a route handler response's `x-next-cache-tags` header added. */
export function withRouteTags(entry) {
  const header = entry?.value?.kind === 'APP_ROUTE' ? entry.value.headers?.['x-next-cache-tags'] : undefined
  if (typeof header !== 'string' || !header) return entry
  return {...entry, tags: [...new Set([...entry.tags, ...header.split(',')])]}
}

/** A get's result as the metrics count it: an entry is a hit, nothing a miss. */
const readResult = (entry) => (entry ? 'hit' : 'miss')
const writeResult = () => 'ok'

/**
 * Wraps a handler: failures are remembered for `retryAfterMs`, logged once per outage, and the
 * tags a failed revalidation named are revalidated again on recovery. Each call is counted in the
 * metrics (hit, miss, ok or error) and traced as a `redis <operation>` span.
 */
export function guardHandler(
  handler,
  {name = 'shared cache', retryAfterMs = 5000, log, now = Date.now} = {},
) {
  let failedAt = null
  const outage = createOutageLog(name, log)
  const missedTags = new Set()

  async function replayMissedTags() {
    for (const tag of [...missedTags]) {
      missedTags.delete(tag)
      await handler.revalidateTag(tag).catch(() => missedTags.add(tag))
    }
  }

  async function guarded(operation) {
    if (failedAt !== null && now() - failedAt < retryAfterMs) {
      throw new Error(`[${name}] skipped after a failure`)
    }
    try {
      const result = await operation()
      if (failedAt !== null) {
        failedAt = null
        outage.recovered()
        await replayMissedTags()
      }
      return result
    } catch (error) {
      outage.failed(error)
      failedAt = now()
      throw error
    }
  }

  function attempt(operation, describe, work) {
    return inSpan(`redis ${operation}`, {'db.system': 'redis'}, async () => {
      try {
        const result = await guarded(work)
        metrics.sharedCacheOperations.inc({operation, result: describe(result)})
        return result
      } catch (error) {
        metrics.sharedCacheOperations.inc({operation, result: 'error'})
        throw error
      }
    })
  }

  return {
    name: handler.name,
    get: (key, meta) => attempt('get', readResult, () => handler.get(key, meta)),
    set: (key, entry, ctx) => attempt('set', writeResult, () => handler.set(key, withRouteTags(entry), ctx)),
    delete: (key) => attempt('delete', writeResult, () => handler.delete(key)),
    async revalidateTag(tag) {
      try {
        await attempt('revalidate_tag', writeResult, () => handler.revalidateTag(tag))
      } catch (error) {
        missedTags.add(tag)
        throw error
      }
    },
  }
}
