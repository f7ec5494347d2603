/**
 * Does a published change get through the caching proxy within the revalidation window? The
 * bench-only ISR page (/bench/isr, revalidate 5 s) shows one term's short definition; the check
 * publishes a new one into the dataset file the server reads (the local content source reloads a
 * changed file) and polls Next and the proxy until each shows it.
 */
import {readFile, rename, writeFile} from 'node:fs/promises'

import {get} from '@/bench/lib/http'
import type {RevalidationResult} from '@/bench/lib/results'

export const ISR_PATH = '/bench/isr'
const ISR_TERM_ID = 'term-backlink'
const POLL_MS = 100

/** The window Next announces for the page: `s-maxage` of its Cache-Control. */
export function sMaxAge(cacheControl: string | undefined): number {
  const match = /(?:^|,)\s*s-maxage=(\d+)/.exec(cacheControl ?? '')
  if (!match) throw new Error(`${ISR_PATH} has no s-maxage in its Cache-Control (${cacheControl})`)
  return Number(match[1])
}

/** Rewrites one document of an NDJSON file in place, atomically (a reader never sees half a file). */
export async function publish(file: string, id: string, change: (doc: Record<string, unknown>) => void) {
  const lines = (await readFile(file, 'utf8')).split('\n')
  const index = lines.findIndex((line) => line.includes(`"_id":"${id}"`))
  if (index === -1) throw new Error(`${file} has no document ${id}`)
  const doc = JSON.parse(lines[index]) as Record<string, unknown>
  change(doc)
  lines[index] = JSON.stringify(doc)
  await writeFile(`${file}.tmp`, lines.join('\n'))
  await rename(`${file}.tmp`, file)
}

export async function checkRevalidation(
  appUrl: string,
  proxyUrl: string,
  datasetFile: string,
): Promise<RevalidationResult> {
  const first = await get(`${proxyUrl}${ISR_PATH}`)
  if (first.status !== 200) throw new Error(`${proxyUrl}${ISR_PATH} answered ${first.status}`)
  const windowS = sMaxAge(first.headers['cache-control'])

  const marker = `Published by the benchmark at ${new Date().toISOString()}`
  await publish(datasetFile, ISR_TERM_ID, (doc) => {
    doc.shortDefinition = `${marker}.`
    doc._rev = `bench${Date.now()}`
  })
  const published = performance.now()
  const timeoutMs = windowS * 4_000 + 60_000
  let originVisibleMs: number | undefined
  let proxyVisibleMs: number | undefined
  while (originVisibleMs === undefined || proxyVisibleMs === undefined) {
    const elapsed = performance.now() - published
    if (elapsed > timeoutMs) {
      throw new Error(
        `The change did not show within ${timeoutMs / 1000} s (Next: ${originVisibleMs ?? 'no'}, proxy: ${proxyVisibleMs ?? 'no'})`,
      )
    }
    const [origin, proxy] = await Promise.all([get(`${appUrl}${ISR_PATH}`), get(`${proxyUrl}${ISR_PATH}`)])
    const now = performance.now() - published
    if (originVisibleMs === undefined && origin.body.includes(marker)) originVisibleMs = now
    if (proxyVisibleMs === undefined && proxy.body.includes(marker)) proxyVisibleMs = now
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  return {
    windowS,
    originVisibleMs,
    proxyVisibleMs,
    // The proxy may add nothing beyond its own s-maxage: it shows the change once its copy
    // expires or once Next has it, whichever is later (one second for the refresh and polling).
    pass: proxyVisibleMs <= Math.max(windowS * 1000, originVisibleMs) + 1000,
  }
}
