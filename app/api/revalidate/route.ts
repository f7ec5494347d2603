import {revalidateTag} from 'next/cache'
import type {NextRequest} from 'next/server'

import {listPublishNeighbours} from '@/lib/content'
import {markPageNamesStale} from '@/lib/content/page-names'
import {sanityRevalidateSecret} from '@/lib/env.server'
import {logOnce} from '@/lib/observability/log-once'
import {log} from '@/lib/observability/log.mjs'
import {metrics} from '@/lib/observability/metrics.mjs'
import {inSpan} from '@/lib/observability/spans.mjs'
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

/** The answer, counted in glossary_webhook_requests_total under what became of the call. */
function counted(outcome: string, response: Response) {
  metrics.webhookRequests.inc({outcome})
  return response
}

/** Sanity's webhook: a published change refreshes every page that shows the changed document. */
export async function POST(request: NextRequest) {
  const secret = sanityRevalidateSecret()
  if (!secret) {
    logOnce('SANITY_REVALIDATE_SECRET is not set: every revalidation webhook call is refused')
    return counted(
      'unconfigured',
      Response.json({error: 'Revalidation is not configured on this server.'}, {status: 500}),
    )
  }
  const verified = await verifyWebhook(request, secret)
  if (!verified.ok) {
    return counted(
      verified.status === 401 ? 'refused' : 'malformed',
      Response.json({error: verified.error}, {status: verified.status}),
    )
  }

  const {change, delivery} = verified
  if (deliveries.isDone(delivery))
    return counted('repeated', Response.json({revalidated: [], repeated: true}))
  if (sanityProject) await new Promise((resolve) => setTimeout(resolve, CONTENT_LAKE_SETTLE_MS))
  let neighbours
  try {
    neighbours = await listPublishNeighbours(change._id, linkedIds(change))
  } catch (error) {
    // Refresh what is known now; answering 5xx makes Sanity retry for the pages around it.
    const revalidated = await revalidate(tagsForChange(change, {linkers: [], linked: []}))
    log.error(
      {document: change._id, reason: (error as Error).message},
      'cannot look up the pages around a change',
    )
    return counted(
      'lookup_failed',
      Response.json(
        {error: 'Could not look up the pages that show this document.', revalidated},
        {status: 502},
      ),
    )
  }
  const revalidated = await revalidate(tagsForChange(change, neighbours))
  deliveries.done(delivery)
  return counted('revalidated', Response.json({revalidated}))
}

/** What a tag names, as a bounded metric label: `term` for `term:backlink`, `terms` for the list. */
const tagKind = (tag: string) => tag.split(':', 1)[0]!

function revalidate({stale, expired}: StaleTags): Promise<string[]> {
  const tags = [...expired, ...stale]
  return inSpan('revalidate', {'glossary.tags': tags.length}, async () => {
    // A new or renamed page must get past the URL gate (proxy.ts) at once.
    markPageNamesStale()
    // 'max': the next visit gets the stale page at once while the fresh one renders behind it.
    for (const tag of stale) revalidateTag(tag, 'max')
    for (const tag of expired) revalidateTag(tag, {expire: 0})
    for (const tag of tags) metrics.revalidatedTags.inc({kind: tagKind(tag)})
    return tags
  })
}
