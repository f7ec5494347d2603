/**
 * What a reader must see at one address after a publish, and the polling that waits for it: the
 * checks the publish matrix (./publish-matrix.ts) is made of.
 */
import type {IncomingHttpHeaders} from 'node:http'

export type Answer = {status: number; headers: IncomingHttpHeaders; body: string}

/** What a reader must see at one address after a publish. */
export type Check = {path: string; expect: string; holds: (answer: Answer) => boolean}

/**
 * Polls every check together, each until it holds, for at most `budgetMs` after `since`
 * (performance.now()); returns the time from `since` until all held (null if some never did)
 * and those that never did.
 */
export async function pollChecks(
  checks: Check[],
  read: (path: string) => Promise<Answer>,
  {since, budgetMs, everyMs}: {since: number; budgetMs: number; everyMs: number},
): Promise<{ms: number | null; failed: string[]}> {
  let open = checks
  while (open.length && performance.now() - since < budgetMs) {
    const held = await Promise.all(open.map(async (check) => check.holds(await read(check.path))))
    open = open.filter((_, index) => !held[index])
    if (open.length) await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  return open.length
    ? {ms: null, failed: open.map((check) => `${check.path} ${check.expect}`)}
    : {ms: performance.now() - since, failed: []}
}

export const shows =
  (text: string) =>
  (path: string): Check => ({
    path,
    expect: `shows "${text}"`,
    holds: ({status, body}) => status === 200 && body.includes(text),
  })

export const linksTo =
  (href: string) =>
  (path: string): Check => ({
    path,
    expect: `links ${href}`,
    holds: ({status, body}) => status === 200 && body.includes(`href="${href}"`),
  })

/** No link to `href` itself (a longer slug that starts the same is another page). */
export const noLinkTo =
  (href: string) =>
  (path: string): Check => ({
    path,
    expect: `has no link to ${href}`,
    holds: ({status, body}) => status === 200 && !new RegExp(`${href}(?![\\w-])`).test(body),
  })

export const redirectsTo =
  (location: string) =>
  (path: string): Check => ({
    path,
    expect: `308 to ${location}`,
    holds: ({status, headers}) => status === 308 && headers.location === location,
  })

export const isGone = (path: string): Check => ({path, expect: '404', holds: ({status}) => status === 404})
