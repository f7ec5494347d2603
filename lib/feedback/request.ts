/** Reading a feedback post: its origin, its size, its content type and its fields. */

import {readBodyAtMost} from '@/lib/site/read-body'

export const BODY_LIMIT_BYTES = 8 * 1024

export type BodyKind = 'json' | 'form'

export type ReadBody =
  | {ok: true; kind: BodyKind; fields: Record<string, unknown>}
  | {ok: false; status: 400 | 413 | 415; error: string}

const tooLarge = {
  ok: false,
  status: 413,
  error: `The body must be at most ${BODY_LIMIT_BYTES} bytes.`,
} as const

/**
 * Cross-site posts are refused: an Origin header, when the browser sends one, must be the site's
 * public origin or this request's own host. No Origin at all is allowed: older browsers leave it off
 * same-origin form posts, and tools that are not browsers cannot be stopped by it anyway.
 */
export function isSameSite(request: Request, siteOrigin: string): boolean {
  const origin = request.headers.get('origin')
  if (origin === null) return true
  if (origin === siteOrigin) return true
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false // "null" (sandboxed frames, privacy redirects) and garbage
  }
  const ownHosts = [
    request.headers.get('host'),
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim(),
  ]
  return ownHosts.includes(host)
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/** The posted fields, from JSON, a URL-encoded form or a multipart form, or why they cannot be read. */
export async function readFeedbackBody(request: Request): Promise<ReadBody> {
  const type = mediaType(request)
  if (type !== 'application/json' && !FORM_TYPES.includes(type)) {
    return {
      ok: false,
      status: 415,
      error: 'Send feedback as application/json, application/x-www-form-urlencoded or multipart/form-data.',
    }
  }
  const bytes = await readBodyAtMost(request, BODY_LIMIT_BYTES)
  if (!bytes) return tooLarge

  if (type === 'multipart/form-data') {
    try {
      const form = await new Response(bytes, {
        headers: {'content-type': request.headers.get('content-type')!},
      }).formData()
      return {ok: true, kind: 'form', fields: Object.fromEntries(form)}
    } catch {
      return {ok: false, status: 400, error: 'The multipart form could not be read.'}
    }
  }

  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return {ok: false, status: 400, error: 'The body is not valid UTF-8.'}
  }
  if (type !== 'application/json') {
    return {ok: true, kind: 'form', fields: Object.fromEntries(new URLSearchParams(text))}
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {ok: false, status: 400, error: 'The body is not valid JSON.'}
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {ok: false, status: 400, error: 'The body must be a JSON object.'}
  }
  return {ok: true, kind: 'json', fields: json as Record<string, unknown>}
}
