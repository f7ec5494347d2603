/**
 * Start-up: from spawning `next start` on a built app until the term page answers 200, for the
 * site on the embedded dataset and at the large size, each round alternating with a bare Next.js
 * app (bench/bare-app: one static page of the same size, on the same Next, started the same way).
 * The site's own "ready" log line says when it was ready by its own clock.
 */
import {copyFile} from 'node:fs/promises'
import path from 'node:path'

import {request} from '@/bench/lib/http'
import {logRecords} from '@/bench/lib/log-records'
import {appEnv, NEXT_BIN, SITE_COPY_DIR, type AppEnv} from '@/bench/lib/next-app'
import {run, start} from '@/bench/lib/processes'
import type {StartUpResult} from '@/bench/lib/results'
import {BARE_APP_DIR} from '@/bench/lib/tools'
import {TERM_PATH} from './throughput'

const BARE_NEXT_BIN = path.join(BARE_APP_DIR, 'node_modules/.bin/next')
const POLL_EVERY_MS = 5

/** Builds the bare app with its page's text at `textBytes`; returns the page's HTML size. */
async function buildBareApp(textBytes: number, port: number): Promise<number> {
  await run('next build (bare app)', BARE_NEXT_BIN, ['build'], {
    cwd: BARE_APP_DIR,
    env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', BENCH_BARE_PAGE_BYTES: String(textBytes)},
  })
  return (await timeFirstPage(BARE_NEXT_BIN, {cwd: BARE_APP_DIR, env: process.env}, port)).body
}

/** Spawns `next start`, polls the term page until it answers 200, then stops the server. */
async function timeFirstPage(
  command: string,
  {cwd, env}: {cwd?: string; env: NodeJS.ProcessEnv},
  port: number,
): Promise<{ms: number; body: number; readyMs: number | null}> {
  const began = performance.now()
  const server = start(`next start :${port}`, command, ['start', '--port', String(port)], {
    cwd,
    env: {...env, NEXT_TELEMETRY_DISABLED: '1'},
  })
  try {
    for (;;) {
      const answer = await request(`http://127.0.0.1:${port}${TERM_PATH}`, {timeoutMs: 10_000}).catch(
        () => null,
      )
      if (answer?.status === 200) {
        const ms = performance.now() - began
        const ready = logRecords(server.output()).find((record) => record.msg === 'ready')
        return {ms, body: answer.body.length, readyMs: typeof ready?.ms === 'number' ? ready.ms : null}
      }
      if (server.child.exitCode !== null) throw new Error(`next start exited:\n${server.output()}`)
      if (performance.now() - began > 60_000) throw new Error(`no 200 from ${TERM_PATH} within 60 s`)
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
    }
  } finally {
    await server.stop()
  }
}

export async function measureStartUp(options: {
  /** The large build; `app.datasetFile` is the file it was built from, whose snapshot it holds. */
  app: AppEnv
  embeddedDatasetFile: string
  terms: number
  port: number
  restarts: number
  workDir: string
}): Promise<StartUpResult> {
  const {app, port} = options
  const siteEnv = (datasetFile: string, name: string) =>
    appEnv({
      ...app,
      datasetFile,
      extra: {...app.extra, FEEDBACK_DATA_DIR: path.join(options.workDir, `feedback-start-up-${name}`)},
    })
  const site = {
    embedded: siteEnv(options.embeddedDatasetFile, 'embedded'),
    large: siteEnv(app.datasetFile, 'large'),
  }
  // A file the build never saw has no snapshot: the first start on it parses it in full.
  const unseen = path.join(options.workDir, 'start-up-unseen.ndjson')
  await copyFile(app.datasetFile, unseen)
  const largeWithoutSnapshot = await timeFirstPage(
    NEXT_BIN,
    {cwd: SITE_COPY_DIR, env: siteEnv(unseen, 'unseen')},
    port,
  )

  // The bare page's HTML is about twice its text (the text, and again in the page's RSC payload).
  const siteBytes = (await timeFirstPage(NEXT_BIN, {cwd: SITE_COPY_DIR, env: site.large}, port)).body
  let bareBytes = await buildBareApp(Math.round(siteBytes / 2), port)
  if (Math.abs(bareBytes - siteBytes) > siteBytes * 0.05) {
    bareBytes = await buildBareApp(Math.round((siteBytes / 2) * (siteBytes / bareBytes)), port)
  }
  // One start of each, not timed, so every timed one finds the files in the page cache.
  const bare = () => timeFirstPage(BARE_NEXT_BIN, {cwd: BARE_APP_DIR, env: process.env}, port)
  await bare()
  await timeFirstPage(NEXT_BIN, {cwd: SITE_COPY_DIR, env: site.embedded}, port)

  const result: StartUpResult = {
    restarts: options.restarts,
    terms: options.terms,
    pageBytes: {site: siteBytes, bare: bareBytes},
    bareMs: [],
    embeddedMs: [],
    largeMs: [],
    readyMs: {embedded: [], large: []},
    largeWithoutSnapshotMs: largeWithoutSnapshot.ms,
  }
  for (let round = 0; round < options.restarts; round++) {
    result.bareMs.push((await bare()).ms)
    const embedded = await timeFirstPage(NEXT_BIN, {cwd: SITE_COPY_DIR, env: site.embedded}, port)
    result.embeddedMs.push(embedded.ms)
    if (embedded.readyMs !== null) result.readyMs.embedded.push(embedded.readyMs)
    const large = await timeFirstPage(NEXT_BIN, {cwd: SITE_COPY_DIR, env: site.large}, port)
    result.largeMs.push(large.ms)
    if (large.readyMs !== null) result.readyMs.large.push(large.readyMs)
  }
  return result
}
