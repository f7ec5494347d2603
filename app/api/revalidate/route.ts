import {revalidateTag} from 'next/cache'
import type {NextRequest} from 'next/server'

import {listReferencingDocuments} from '@/lib/content'
import {sanityRevalidateSecret} from '@/lib/env.server'
import {tagsForChange} from '@/lib/revalidation/changes'
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
  let referencedBy
  try {
    referencedBy = await listReferencingDocuments(change._id)
  } catch (error) {
    // Refresh what is known now; answering 5xx makes Sanity retry for the referencing pages.
    const revalidated = revalidate(tagsForChange(change, []))
    console.error(`[revalidate] cannot look up what references ${change._id}: ${(error as Error).message}`)
    return Response.json(
      {error: 'Could not look up the pages that show this document.', revalidated},
      {status: 502},
    )
  }
  return Response.json({revalidated: revalidate(tagsForChange(change, referencedBy))})
}

function revalidate(tags: string[]): string[] {
  // 'max': the next visit gets the stale page at once while the fresh one renders behind it.
  for (const tag of tags) revalidateTag(tag, 'max')
  return tags
}
