/**
 * Settings every instance sharing one cache must agree on. Each instance registers its own in
 * Redis when it connects and warns about any that differ from what another instance registered:
 * a webhook signed for one secret is refused by an instance with another, and instances reading
 * different content would fill the shared cache with each other's pages.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'

import {log as logger} from '../observability/log.mjs'

/** How long a registration counts: instances restart more often than this. */
const REGISTRATION_TTL_SECONDS = 3600

/** This instance's settings, in a form that can be compared without revealing the secret. */
export function sharedSettings(env = process.env) {
  const secret = env.SANITY_REVALIDATE_SECRET?.trim()
  const project = env.NEXT_PUBLIC_SANITY_PROJECT_ID?.trim()
  const datasetFile = env.CONTENT_DATASET_FILE?.trim() || 'sanity/seed/dataset.ndjson'
  return {
    SANITY_REVALIDATE_SECRET: secret
      ? `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`
      : 'not set',
    'content source': project
      ? `Content Lake ${project}/${env.NEXT_PUBLIC_SANITY_DATASET?.trim()}`
      : `embedded dataset ${path.resolve(datasetFile)}`,
  }
}

/** Warns once per setting that differs from another instance's registration, then registers this one's. */
export async function compareSharedSettings(client, key, settings, log = logger) {
  const registered = await client.hGetAll(key)
  for (const [name, value] of Object.entries(settings)) {
    const other = registered[name]
    if (other && other !== value) {
      log.warn(
        {setting: name, thisInstance: value, otherInstance: other},
        "a setting differs from another instance's on the same shared cache: every instance needs the same",
      )
    }
  }
  await client.hSet(key, settings)
  await client.expire(key, REGISTRATION_TTL_SECONDS)
}
