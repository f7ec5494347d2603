import {draftMode} from 'next/headers'
import {redirect} from 'next/navigation'
import {z} from 'zod'

import {disableRefusal} from '@/lib/content/preview'

/** A path on this site, never another origin (`//host` would leave it). */
const querySchema = z.object({
  redirect: z
    .string()
    .regex(/^\/(?![/\\])/)
    .catch('/'),
})

/** Leaves draft mode and returns to the page the editor was on. */
export async function GET(request: Request) {
  const refusal = disableRefusal()
  if (refusal) return Response.json({error: refusal.error}, {status: refusal.status})
  const {redirect: to} = querySchema.parse({
    redirect: new URL(request.url).searchParams.get('redirect') ?? '/',
  })
  ;(await draftMode()).disable()
  redirect(to)
}
