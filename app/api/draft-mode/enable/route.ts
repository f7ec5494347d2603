import {enableDraftMode, enableRefusal} from '@/lib/content/preview'

/** The Presentation tool opens this with a one-time secret; a valid one turns draft mode on. */
export async function GET(request: Request) {
  const refusal = enableRefusal()
  if (refusal) return Response.json({error: refusal.error}, {status: refusal.status})
  return enableDraftMode(request)
}
