import {draftMode} from 'next/headers'
import {redirect} from 'next/navigation'

import {disableRefusal} from '@/lib/content/preview'
import {pathOnOrigin} from '@/lib/text/safe-url'

/** Leaves draft mode and returns to the page the editor was on, if that page is on this site. */
export async function GET(request: Request) {
  const refusal = disableRefusal()
  if (refusal) return Response.json({error: refusal.error}, {status: refusal.status})
  const url = new URL(request.url)
  const to = pathOnOrigin(url.searchParams.get('redirect') ?? '/', url.origin) ?? '/'
  ;(await draftMode()).disable()
  redirect(to)
}
