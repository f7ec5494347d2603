import {encodeSignatureHeader} from '@sanity/webhook'

/**
 * Headers for a webhook delivery signed the way Sanity signs it (`@sanity/webhook`, the library
 * next-sanity verifies with): `t=<ms>,v1=<HMAC-SHA256 of "<ms>.<body>", base64url>`.
 */
export async function webhookHeaders(body: string, secret: string, timestamp = Date.now()) {
  return {
    'content-type': 'application/json',
    'sanity-webhook-signature': await encodeSignatureHeader(body, timestamp, secret),
  }
}
