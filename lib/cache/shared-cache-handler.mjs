/**
 * The Next cache (ISR pages, route handler responses, fetched and `unstable_cache` data) shared by
 * every instance through Redis, when REDIS_URL is set (next.config.ts installs it only then).
 * Built on the maintained @fortedigital/nextjs-cache-handler: its Redis handler stores each entry
 * with its tags, and a tag revalidated on any instance deletes the entries under it for all.
 *
 * Redis is a cache, not a dependency: the client never queues commands while disconnected, each
 * command gives up after COMMAND_TIMEOUT_MS, and guardHandler skips Redis for a few seconds after
 * a failure. Meanwhile each instance renders pages itself (a miss), and the client reconnects on
 * its own.
 */
import {CacheHandler} from '@fortedigital/nextjs-cache-handler'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import {createClient} from '@redis/client'

import {checkedSerializer, guardHandler} from './guarded-handler.mjs'
import {sharedCacheUrl} from './redis-url.mjs'
import {compareSharedSettings, sharedSettings} from './shared-settings.mjs'

/** Redis answers a local network in a millisecond; a command still waiting after this is lost. */
const COMMAND_TIMEOUT_MS = 500
const CONNECT_TIMEOUT_MS = 1000
/** Reconnection attempts back off to one every two seconds while Redis is away. */
const reconnectDelay = (retries) => Math.min(100 * 2 ** retries, 2000)
/**
 * Every key starts with the site's name and the build's id: instances of one build share entries,
 * and a new release never reads pages (whose payloads name the build's scripts) an old one wrote.
 */
const keyPrefix = (buildId) => `glossary:${buildId ?? 'unknown-build'}:`

CacheHandler.onCreation(async ({buildId}) => {
  const client = createClient({
    url: sharedCacheUrl(),
    disableOfflineQueue: true,
    socket: {connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: reconnectDelay},
  })
  // Connection errors are reported through guardHandler, once per outage; without a listener
  // node-redis would throw them.
  client.on('error', () => {})
  // The first request waits for the connection, up to the connect timeout, rather than rendering
  // a page another instance already has; the client keeps trying after that on its own.
  const connecting = client.connect().catch(() => {})
  await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS))])
  const prefix = keyPrefix(buildId?.trim())
  if (client.isReady)
    await compareSharedSettings(client, `${prefix}settings`, sharedSettings()).catch(() => {})
  const redis = createRedisHandler({
    client,
    keyPrefix: prefix,
    timeoutMs: COMMAND_TIMEOUT_MS,
    valueSerializer: checkedSerializer,
  })
  return {handlers: [guardHandler(redis)]}
})

export default CacheHandler
