import {revalidateTag} from 'next/cache'
import type {NextRequest} from 'next/server'

import {listPublishNeighbours} from '@/lib/content'
import {markPageNamesStale} from '@/lib/content/page-names'
import {sanityRevalidateSecret} from '@/lib/env.server'
import {logOnce} from '@/lib/log-once'
import {linkedIds, tagsForChange, type StaleTags} from '@/lib/revalidation/changes'
import {createDeliveryLog} from '@/lib/revalidation/deliveries'
import {verifyWebhook} from '@/lib/revalidation/webhook'
import {sanityProject} from '@/sanity/env'

const deliveries = createDeliveryLog()

/**
 * Sanity sends the webhook as it commits the change; its query API may answer from before it for a
 * moment (next-sanity's parseBody waits as long). The embedded dataset is current once written.
 */
const CONTENT_LAKE_SETTLE_MS = 3000

/** Sanity's webhook: a published change refreshes every page that shows the changed document. */
export async function POST(request: NextRequest) {
  const secret = sanityRevalidateSecret()
  if (!secret) {
    logOnce('[revalidate] SANITY_REVALIDATE_SECRET is not set: every webhook call is refused.')
    return Response.json({error: 'Revalidation is not configured on this server.'}, {status: 500})
  }
  const verified = await verifyWebhook(request, secret)
  if (!verified.ok) return Response.json({error: verified.error}, {status: verified.status})

  const {change, delivery} = verified
  if (deliveries.isDone(delivery)) return Response.json({revalidated: [], repeated: true})
  if (sanityProject) await new Promise((resolve) => setTimeout(resolve, CONTENT_LAKE_SETTLE_MS))
  let neighbours
  try {
    neighbours = await listPublishNeighbours(change._id, linkedIds(change))
  } catch (error) {
    // Refresh what is known now; answering 5xx makes Sanity retry for the pages around it.
    const revalidated = revalidate(tagsForChange(change, {linkers: [], linked: []}))
    console.error(`[revalidate] cannot look up the pages around ${change._id}: ${(error as Error).message}`)
    return Response.json(
      {error: 'Could not look up the pages that show this document.', revalidated},
      {status: 502},
    )
  }
  const revalidated = revalidate(tagsForChange(change, neighbours))
  deliveries.done(delivery)
  return Response.json({revalidated})
}

function revalidate({stale, expired}: StaleTags): string[] {
  // A new or renamed page must get past the URL gate (proxy.ts) at once.
  markPageNamesStale()
  // 'max': the next visit gets the stale page at once while the fresh one renders behind it.
  for (const tag of stale) revalidateTag(tag, 'max')
  for (const tag of expired) revalidateTag(tag, {expire: 0})
  return [...expired, ...stale]
}
