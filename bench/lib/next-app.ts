/**
 * Building and serving the site for the benchmark. The bench builds a scratch copy of the site's
 * source with its floor pages added (bench/floor-pages, as `app/(bench)`), so no other build holds
 * them; each dataset size goes to its own build folder (NEXT_DIST_DIR, read by next.config.ts).
 */
import {existsSync} from 'node:fs'
import {cp, readdir, readFile, rm} from 'node:fs/promises'
import path from 'node:path'

import {BENCH_ADMIN_TOKEN} from '@/bench/phases/feedback'
import {waitForHttp} from './http'
import {run, start, type Managed} from './processes'

export const NEXT_BIN = path.resolve('node_modules/.bin/next')

/** The site as the bench builds and serves it. */
export const SITE_COPY_DIR = path.resolve('bench/.work/site')
const FLOOR_PAGES_DIR = 'bench/floor-pages'
/**
 * Left out of the copy: what the build neither reads nor type-checks (the site's tests and scripts
 * import some of the bench's modules, so those are copied), and the lockfile, so that Next takes
 * the repository (the topmost lockfile) as the workspace root, where node_modules is.
 */
const NOT_COPIED = new Set([
  '.git',
  'node_modules',
  '.data',
  '.swc',
  'coverage',
  'docs',
  'package-lock.json',
  'bench/.work',
  'bench/results',
  'bench/tools',
  'bench/bare-app',
])
const isBuildOutput = (name: string) => /^\.next|\.tsbuildinfo$/.test(name)

const copied = (source: string) => !NOT_COPIED.has(source) && !isBuildOutput(path.basename(source))

/** Copies a folder of the repository into the site copy; the one that holds the copy goes entry by entry. */
async function copyFolder(folder: string) {
  for (const name of await readdir(folder)) {
    const source = path.join(folder, name)
    if (!copied(source)) continue
    const holdsTheCopy = SITE_COPY_DIR.startsWith(path.resolve(source) + path.sep)
    if (holdsTheCopy) await copyFolder(source)
    else await cp(source, path.join(SITE_COPY_DIR, source), {recursive: true, filter: copied})
  }
}

/** Makes SITE_COPY_DIR afresh from the working tree, so a run measures the code as it is now. */
export async function prepareSiteCopy() {
  await rm(SITE_COPY_DIR, {recursive: true, force: true})
  await copyFolder('.')
  await cp(FLOOR_PAGES_DIR, path.join(SITE_COPY_DIR, 'app', '(bench)'), {recursive: true})
}

export const distDirFor = (terms: number) => `bench/.work/next-${terms}`

export type AppEnv = {
  datasetFile: string
  distDir: string
  /** Extra variables for the server or build (feedback storage, the bare page's size…). */
  extra?: Record<string, string>
}

/** The environment of a build or server of the site copy; paths are resolved from the repository. */
export function appEnv({datasetFile, distDir, extra}: AppEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CI: 'true', // no Turbopack build cache: every build starts from nothing
    NEXT_TELEMETRY_DISABLED: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    CONTENT_DATASET_FILE: path.resolve(datasetFile),
    // Next wants it relative to the app; it may sit anywhere in the repository.
    NEXT_DIST_DIR: path.relative(SITE_COPY_DIR, path.resolve(distDir)),
    FEEDBACK_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    ...extra,
  }
}

/** `next build` of the site copy into its own folder; returns the wall time. */
export async function buildApp(env: AppEnv): Promise<number> {
  await rm(env.distDir, {recursive: true, force: true})
  const {ms} = await run(`next build (${env.distDir})`, NEXT_BIN, ['build'], {
    cwd: SITE_COPY_DIR,
    env: appEnv(env),
  })
  return ms
}

/** Where Next 16 keeps ISR output in a build folder, apart from the pages prerendered at build. */
export const RENDERED_PAGES_DIR = 'server/route-cache'

/** Forgets what an earlier run rendered on demand, so a reused build starts as a fresh one would. */
export async function forgetRenderedPages(distDir: string) {
  await rm(path.join(distDir, RENDERED_PAGES_DIR), {recursive: true, force: true})
}

export type RunningApp = {url: string; server: Managed; startMs: number}

/** `next start` on the built folder; resolves once it answers, failing with its output if it dies. */
export async function startApp(env: AppEnv, port: number): Promise<RunningApp> {
  if (!existsSync(path.join(env.distDir, 'BUILD_ID'))) throw new Error(`No build in ${env.distDir}`)
  const began = performance.now()
  const server = start(`next start :${port}`, NEXT_BIN, ['start', '--port', String(port)], {
    cwd: SITE_COPY_DIR,
    env: appEnv(env),
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${url}/bench/static`, 120_000, () =>
      server.child.exitCode !== null
        ? `next start exited (${server.child.exitCode}):\n${server.output()}`
        : undefined,
    )
  } catch (error) {
    await server.stop()
    throw error
  }
  return {url, server, startMs: performance.now() - began}
}

/** Each process in the server's process group: its /proc stat fields (after the command name) and status. */
async function groupProcesses(server: Managed): Promise<{fields: string[]; status: string}[]> {
  const group = server.child.pid
  if (group === undefined) return []
  const found = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Fields after the command name (which may hold spaces) start at its closing parenthesis.
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== group) continue
      found.push({fields, status: await readFile(`/proc/${entry}/status`, 'utf8')})
    } catch {
      // the process ended while we looked
    }
  }
  return found
}

/** Resident memory of every process in the server's process group, in bytes (Linux /proc). */
export async function groupRssBytes(server: Managed): Promise<number> {
  if (server.child.pid === undefined) return Number.NaN
  let total = 0
  for (const {status} of await groupProcesses(server)) {
    total += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024
  }
  return total
}

/** CPU time the server's process group has used, in clock ticks (utime + stime). */
async function groupCpuTicks(server: Managed): Promise<number> {
  let total = 0
  for (const {fields} of await groupProcesses(server)) total += Number(fields[11]) + Number(fields[12])
  return total
}

/**
 * Waits until a new server has finished what it does behind its first pages (opening the feedback
 * database a second after ready, parsing the rest of a snapshot's documents two seconds after it):
 * under 5% of a core for three seconds in a row, longer than either waits before it starts.
 */
export async function waitUntilSettled(server: Managed, timeoutMs = 60_000) {
  const everyMs = 500
  const quietSamples = 6
  const ticksPerSecond = 100 // USER_HZ on Linux
  const began = performance.now()
  let before = await groupCpuTicks(server)
  let quiet = 0
  while (quiet < quietSamples) {
    if (performance.now() - began > timeoutMs) {
      throw new Error(`the server was still busy ${timeoutMs / 1000} s after it started`)
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs))
    const now = await groupCpuTicks(server)
    quiet = ((now - before) / ticksPerSecond) * 1000 < everyMs * 0.05 ? quiet + 1 : 0
    before = now
  }
}

/**
 * The server group's resident memory once it has idled a while: the least of 15 samples a second
 * apart after it settles. V8 hands back heap it no longer needs only some seconds after allocation
 * stops (its memory reducer), so memory read straight after a burst of requests also counts
 * garbage not yet collected, and moved by ±450 MiB between two runs of the same phase.
 */
export async function settledRssBytes(server: Managed): Promise<number> {
  await waitUntilSettled(server)
  let least = Number.POSITIVE_INFINITY
  for (let sample = 0; sample < 15; sample++) {
    least = Math.min(least, await groupRssBytes(server))
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return least
}
