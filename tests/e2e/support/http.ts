import {request as httpRequest, type IncomingHttpHeaders} from 'node:http'

export type RawResponse = {status: number; headers: IncomingHttpHeaders; body: string}

/**
 * One HTTP request with Node's own client, redirects not followed: headers arrive as sent (Next 16
 * can repeat an ISR-cached redirect's Location, vercel/next.js#82117, which fetch would join).
 */
export function rawRequest(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: {method?: string; headers?: Record<string, string>; body?: string} = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {method, headers}, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        resolve({status: response.statusCode ?? 0, headers: response.headers, body: text}),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The `name=value` pair of a cookie the response sets, or undefined. */
export function setCookie(response: RawResponse, name: string): string | undefined {
  return response.headers['set-cookie']?.find((cookie) => cookie.startsWith(`${name}=`))?.split(';')[0]
}

/** A GET whose redirect is not followed: the status and the Location as a browser would read it. */
export async function getRaw(url: string): Promise<{status: number; location?: string}> {
  const response = await rawRequest(url)
  return {status: response.status, location: response.headers.location}
}
