import {revalidateTag} from 'next/cache'
import type {NextRequest} from 'next/server'

import {listPublishNeighbours} from '@/lib/content'
import {sanityRevalidateSecret} from '@/lib/env.server'
import {linkedIds, tagsForChange, type StaleTags} from '@/lib/revalidation/changes'
import {verifyWebhook} from '@/lib/revalidation/webhook'

/** Sanity's webhook: a published change refreshes every page that shows the changed document. */
export async function POST(request: NextRequest) {
  const secret = sanityRevalidateSecret()
  if (!secret) {
    console.error('[revalidate] SANITY_REVALIDATE_SECRET is not set: every webhook call is refused.')
    return Response.json({error: 'Revalidation is not configured on this server.'}, {status: 500})
  }
  const verified = await verifyWebhook(request, secret)
  if (!verified.ok) return Response.json({error: verified.error}, {status: verified.status})

  const {change} = verified
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
  return Response.json({revalidated: revalidate(tagsForChange(change, neighbours))})
}

function revalidate({stale, expired}: StaleTags): string[] {
  // 'max': the next visit gets the stale page at once while the fresh one renders behind it.
  for (const tag of stale) revalidateTag(tag, 'max')
  for (const tag of expired) revalidateTag(tag, {expire: 0})
  return [...expired, ...stale]
}
