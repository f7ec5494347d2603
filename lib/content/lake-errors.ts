type RequestError = {message: string; request: unknown; cause?: {code?: unknown}}

// Duck-typed, not `instanceof Error`: the error may come from another realm (Node's fetch).
const carriesRequest = (error: unknown): error is RequestError =>
  typeof error === 'object' && error !== null && 'request' in error && 'message' in error

/**
 * A failed Content Lake request (the lake unreachable, a timeout) throws an error that carries
 * the whole request, read token included, and Next logs thrown errors in full. This keeps what
 * went wrong (the message and the network code) and drops the request; other errors, including
 * Next's own redirects, pass through untouched.
 */
export function withoutRequestDetails(error: unknown): unknown {
  if (!carriesRequest(error)) return error
  const code = error.cause?.code
  return new Error(
    `Content Lake request failed: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`,
  )
}
