import type {NextRequest} from 'next/server'
import {parseBody} from 'next-sanity/webhook'

import {PUBLISHED_TYPES} from '../content/tags'
import {changedDocumentSchema, type ChangedDocument} from './changes'

const SIGNATURE_HEADER = 'sanity-webhook-signature'

/** Sanity signs each delivery as it sends it: a signature older than this is a replay. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000

export type VerifiedWebhook =
  {ok: true; change: ChangedDocument} | {ok: false; status: 400 | 401; error: string}

/** The time (ms) in a `t=<ms>,v1=<signature>` header, or null when the header is not of that form. */
export function signatureTimestamp(header: string | null): number | null {
  const match = header?.trim().match(/^t=(\d+)[, ]+v1=[^, ]+$/)
  return match ? Number(match[1]) : null
}

/**
 * Accepts a webhook call only when its signature is fresh and valid for the secret, then checks
 * that the body is the document change the webhook's projection sends.
 */
export async function verifyWebhook(request: NextRequest, secret: string): Promise<VerifiedWebhook> {
  const timestamp = signatureTimestamp(request.headers.get(SIGNATURE_HEADER))
  if (timestamp === null) return {ok: false, status: 401, error: 'Missing or malformed signature.'}
  if (Math.abs(Date.now() - timestamp) > MAX_SIGNATURE_AGE_MS) {
    return {ok: false, status: 401, error: 'The signature is more than 5 minutes old.'}
  }
  let parsed: Awaited<ReturnType<typeof parseBody<unknown>>>
  try {
    parsed = await parseBody<unknown>(request, secret)
  } catch (error) {
    if (error instanceof SyntaxError) return {ok: false, status: 400, error: 'The body is not valid JSON.'}
    throw error
  }
  if (parsed.isValidSignature !== true) return {ok: false, status: 401, error: 'Invalid signature.'}
  const change = changedDocumentSchema.safeParse(parsed.body)
  if (!change.success) {
    return {
      ok: false,
      status: 400,
      error: `The body is not a document change ({_id, _type, before, after}) of a type pages show (${PUBLISHED_TYPES.join(', ')}).`,
    }
  }
  return {ok: true, change: change.data}
}
