/**
 * First-load JavaScript per route, compressed, from the build's own record: Turbopack builds list
 * each route's first-load chunks in <distDir>/diagnostics/route-bundle-stats.json (Next 16 no
 * longer prints sizes). Each chunk is gzipped as `next start` would send it.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'

export type RouteWeight = {route: string; jsBytes: number; jsGzipBytes: number; chunks: number}

type RouteBundleStats = {route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[]}[]

/** `appDir` is the folder the build ran in: the record's chunk paths are relative to it. */
export async function firstLoadJs(distDir: string, appDir: string): Promise<RouteWeight[]> {
  const file = path.join(distDir, 'diagnostics/route-bundle-stats.json')
  const stats = JSON.parse(await readFile(file, 'utf8')) as RouteBundleStats
  const gzipped = new Map<string, number>()
  const gzipSize = async (chunk: string) => {
    let size = gzipped.get(chunk)
    if (size === undefined) {
      size = gzipSync(await readFile(path.resolve(appDir, chunk))).length
      gzipped.set(chunk, size)
    }
    return size
  }
  const weights: RouteWeight[] = []
  for (const entry of stats) {
    let jsGzipBytes = 0
    for (const chunk of entry.firstLoadChunkPaths) jsGzipBytes += await gzipSize(chunk)
    weights.push({
      route: entry.route,
      jsBytes: entry.firstLoadUncompressedJsBytes,
      jsGzipBytes,
      chunks: entry.firstLoadChunkPaths.length,
    })
  }
  return weights.sort((a, b) => a.route.localeCompare(b.route))
}
