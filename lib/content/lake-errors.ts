/**
 * A failed Content Lake request (the lake unreachable, a timeout) throws an error that carries
 * the whole request, read token included, and Next logs thrown errors in full. This keeps what
 * went wrong (the message and the network code) and drops the request; other errors, including
 * Next's own redirects, pass through untouched.
 */
export function withoutRequestDetails(error: unknown): unknown {
  if (!(error instanceof Error) || !('request' in error)) return error
  const code = (error.cause as {code?: unknown} | undefined)?.code
  return new Error(
    `Content Lake request failed: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`,
  )
}
