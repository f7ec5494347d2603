/** Requests to the feedback API as a browser or a script would send them. */

export const SITE = 'http://localhost:3000'

type Options = {
  method?: string
  body?: BodyInit | null
  contentType?: string | null
  /** The reader's address, as Next passes it on in X-Forwarded-For. */
  from?: string
  headers?: Record<string, string>
}

export function feedbackRequest({
  method = 'POST',
  body = null,
  contentType,
  from = '198.51.100.7',
  headers,
}: Options) {
  const all: Record<string, string> = {
    host: 'localhost:3000',
    'x-forwarded-for': from,
    'user-agent': 'feedback-tests',
  }
  if (contentType) all['content-type'] = contentType
  return new Request(`${SITE}/api/feedback`, {
    method,
    body,
    headers: {...all, ...headers},
    ...(body instanceof ReadableStream && {duplex: 'half'}),
  } as RequestInit)
}

export const jsonVote = (
  fields: Record<string, unknown>,
  options: Omit<Options, 'body' | 'contentType'> = {},
) => feedbackRequest({...options, body: JSON.stringify(fields), contentType: 'application/json'})

export const formVote = (
  fields: Record<string, string>,
  options: Omit<Options, 'body' | 'contentType'> = {},
) =>
  feedbackRequest({
    ...options,
    body: new URLSearchParams(fields).toString(),
    contentType: 'application/x-www-form-urlencoded',
  })

export function summaryRequest({query = '', token}: {query?: string; token?: string} = {}) {
  return new Request(`${SITE}/api/feedback/summary${query}`, {
    headers: token === undefined ? {} : {authorization: `Bearer ${token}`},
  })
}
