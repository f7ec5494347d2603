import {timingSafeEqual} from 'node:crypto'

import {decodeSignatureHeader, encodeSignatureHeader} from '@sanity/webhook'

import {PUBLISHED_TYPES} from '@/lib/content/tags'
import {readBodyAtMost} from '@/lib/site/read-body'
import {changedDocumentSchema, type ChangedDocument} from './changes'

const SIGNATURE_HEADER = 'sanity-webhook-signature'
/** Sanity names each delivery; a retry of one delivery carries the same key. */
const DELIVERY_HEADER = 'idempotency-key'

/** Sanity signs each delivery as it sends it: a signature older than this is a replay. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000

/** A document change is a few kilobytes; anything near this is not one, and is never read whole. */
export const MAX_BODY_BYTES = 64 * 1024

export type VerifiedWebhook =
  {ok: true; change: ChangedDocument; delivery: string} | {ok: false; status: 400 | 401 | 413; error: string}

const tooLarge = {
  ok: false,
  status: 413,
  error: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
} as const

/** Compares two strings in time that depends on their length only. */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Accepts a webhook call only when its signature is fresh and valid for the secret (checked
 * before anything is parsed, on a body read no further than MAX_BODY_BYTES), then checks that
 * the body is the document change the webhook's projection sends. The signing scheme is
 * @sanity/webhook's own; only the comparison is ours, because its check compares with `!==`.
 */
export async function verifyWebhook(request: Request, secret: string): Promise<VerifiedWebhook> {
  let signature: {timestamp: number; hashedPayload: string}
  try {
    signature = decodeSignatureHeader(request.headers.get(SIGNATURE_HEADER) ?? '')
  } catch {
    return {ok: false, status: 401, error: 'Missing or malformed signature.'}
  }
  if (Math.abs(Date.now() - signature.timestamp) > MAX_SIGNATURE_AGE_MS) {
    return {ok: false, status: 401, error: 'The signature is more than 5 minutes old.'}
  }
  const bytes = await readBodyAtMost(request, MAX_BODY_BYTES)
  if (bytes === null) return tooLarge
  const body = Buffer.from(bytes).toString('utf8')
  const expected = await encodeSignatureHeader(body, signature.timestamp, secret).catch(() => null)
  const given = `t=${signature.timestamp},v1=${signature.hashedPayload}`
  if (expected === null || !sameText(expected, given)) {
    return {ok: false, status: 401, error: 'Invalid signature.'}
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return {ok: false, status: 400, error: 'The body is not valid JSON.'}
  }
  const change = changedDocumentSchema.safeParse(parsed)
  if (!change.success) {
    return {
      ok: false,
      status: 400,
      error: `The body is not a document change ({_id, _type, before, after}) of a type pages show (${PUBLISHED_TYPES.join(', ')}).`,
    }
  }
  const delivery = request.headers.get(DELIVERY_HEADER)?.trim() || signature.hashedPayload
  return {ok: true, change: change.data, delivery}
}
