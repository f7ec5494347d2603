/** What every step of a bench run shares: its mode and ports, the work folder, the log, the lock. */
import path from 'node:path'

import type {Mode} from './modes'
import {unavailable, type Measured} from './results'

/** Absolute, because nginx reads relative paths from its own prefix. */
export const WORK_DIR = path.resolve('bench/.work/run')
/** Signs the publishing phase's webhooks; the bench's servers accept only this one. */
export const WEBHOOK_SECRET = 'bench-webhook-secret'
/** Where the feedback store keeps its PGlite database (lib/feedback reads this variable). */
const FEEDBACK_PGLITE_ENV = 'FEEDBACK_DATA_DIR'

export const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

/** A part that can fail without spoiling the rest of the run: its failure becomes its result. */
export async function attempt<T>(name: string, work: () => Promise<Measured<T>>): Promise<Measured<T>> {
  try {
    return await work()
  } catch (error) {
    console.error(`[bench] ${name} failed: ${(error as Error).stack ?? error}`)
    return unavailable(`failed: ${(error as Error).message.split('\n')[0]}`)
  }
}

export const portsFrom = (base: number) => ({
  app: base,
  ceiling: base + 1,
  nginxStatic: base + 2,
  proxy: base + 3,
  postgresApp: base + 4,
  chromium: base + 5,
  redis: base + 6,
  instanceA: base + 7,
  instanceB: base + 8,
  twoInstanceProxy: base + 9,
  hostile: base + 10,
  startUp: base + 11,
  tracing: base + 12,
  memoryFloor: base + 13,
})

/** What every phase of one run shares. */
export type Run = {
  mode: Mode
  ports: ReturnType<typeof portsFrom>
  reuseBuilds: boolean
  /** Canonical URLs point at the server Lighthouse visits (a canonical on another host costs SEO points). */
  siteUrl: {NEXT_PUBLIC_SITE_URL: string}
  /** Runs a heavy phase under BENCH_LOCK_FILE, when one is set. */
  locked: <T>(label: string, work: () => Promise<T>) => Promise<T>
}

/** A phase that may fail on its own, run under the lock; its result, or why there is none. */
export const optionalPhase = <T>(run: Run, name: string, work: () => Promise<T>): Promise<Measured<T>> =>
  attempt(name, () => run.locked(name, async () => ({status: 'ok' as const, ...(await work())})))

/**
 * The server's environment at a size: its own feedback database in the work folder (never the
 * developer's), the bare floor page at `bareBytes`, and the publishing phase's webhook secret.
 */
export const serverExtra = (run: Run, name: string, bareBytes: number) => ({
  ...run.siteUrl,
  [FEEDBACK_PGLITE_ENV]: path.resolve(WORK_DIR, `feedback-${name}`),
  DATABASE_URL: '',
  BENCH_STATIC_PAGE_BYTES: String(bareBytes),
  SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
})
