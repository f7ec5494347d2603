import {get} from 'node:http'

/**
 * One request, redirects not followed. Next 16 can send an ISR-cached redirect's Location header
 * twice (vercel/next.js#82117), with the same value; browsers and Node's HTTP client treat that
 * as one, so the checks read it the same way.
 */
export function getRaw(url: string): Promise<{status: number; location?: string}> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume()
      resolve({status: response.statusCode ?? 0, location: response.headers.location})
    }).on('error', reject)
  })
}
