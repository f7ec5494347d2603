import {existsSync} from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'

import {lockDataFolder} from './data-lock'
import type {SqlDriver, SqlSession} from './driver'

/** Loaded by path: the worker runs outside Next's bundles (like the migrations folder). */
const WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib/feedback/pglite-worker.mjs')

/**
 * How long one statement may take before its caller gets an error (and a reader a 503): PGlite
 * runs one statement at a time, so a slow one must not hold every vote behind it indefinitely.
 */
const STATEMENT_TIMEOUT_MS = 5000

type Reply =
  {id: number; ok: true; result: unknown} | {id: number; ok: false; error: {message: string; code?: string}}

const stopped = () => new Error('The feedback database worker has stopped.')

type Pending = {resolve: (result: unknown) => void; reject: (error: Error) => void}

export type PgliteOptions = {
  /** A folder, or none for a database in memory. */
  dataDir?: string
  /** A dump (`dumpDataDir`) to start from. */
  loadDataDir?: Uint8Array
  /** Runs once the database is closed. */
  onClose?: () => void
  statementTimeoutMs?: number
}

/**
 * Creates the database in `dataDir` on a thread that then ends: creating one leaves some 400 MB
 * resident on its thread (measured on this machine), which opening an existing folder does not.
 */
async function createDatabase(dataDir: string, loadDataDir?: Uint8Array) {
  const creator = new Worker(WORKER_FILE, {workerData: {dataDir, loadDataDir, createOnly: true}})
  try {
    await new Promise<void>((created, failed) => {
      creator.once('message', () => created())
      creator.once('error', failed)
      creator.once('exit', () => failed(new Error('The feedback database could not be created.')))
    })
  } finally {
    await creator.terminate()
  }
}

/**
 * PGlite in a worker thread: it runs Postgres on the thread that calls it, so in the server's own
 * thread every statement would stop every page for its duration. Here only feedback calls wait.
 */
export async function startPgliteWorker({
  dataDir,
  loadDataDir,
  onClose = () => {},
  statementTimeoutMs = STATEMENT_TIMEOUT_MS,
}: PgliteOptions = {}) {
  const fresh = dataDir !== undefined && !existsSync(path.join(dataDir, 'PG_VERSION'))
  if (fresh) await createDatabase(dataDir, loadDataDir)
  const worker = new Worker(WORKER_FILE, {
    workerData: {dataDir, loadDataDir: fresh ? undefined : loadDataDir},
  })
  const pending = new Map<number, Pending>()
  let lastId = 0
  let exited: Error | undefined

  const failAll = (error: Error) => {
    exited = error
    for (const {reject} of pending.values()) reject(error)
    pending.clear()
  }
  worker.on('message', (reply: Reply | {ready: true}) => {
    if ('ready' in reply) return
    const call = pending.get(reply.id)
    pending.delete(reply.id)
    if (reply.ok) call?.resolve(reply.result)
    else call?.reject(Object.assign(new Error(reply.error.message), {code: reply.error.code}))
  })
  worker.on('error', failAll)
  worker.on('exit', () => failAll(stopped()))

  await new Promise<void>((ready, failed) => {
    const onMessage = (message: unknown) => {
      if ((message as {ready?: boolean}).ready) {
        worker.off('error', failed)
        ready()
      } else worker.once('message', onMessage)
    }
    worker.once('message', onMessage)
    worker.once('error', failed)
  })

  function call<T>(message: Record<string, unknown>, timeoutMs?: number): Promise<T> {
    if (exited) return Promise.reject(exited)
    const id = ++lastId
    return new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              pending.delete(id)
              reject(new Error(`The feedback database did not answer within ${timeoutMs} ms.`))
            }, timeoutMs)
      pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer)
          resolve(result as T)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      worker.postMessage({id, ...message})
    })
  }

  const session = (tx?: number, timeoutMs?: number): SqlSession => ({
    query: <Row extends object>(sql: string, params: readonly unknown[] = []) =>
      call<Row[]>({op: 'query', sql, params, tx}, timeoutMs),
    exec: (sql: string) => call<void>({op: 'exec', sql, tx}, timeoutMs),
  })

  const driver: SqlDriver = {
    kind: 'pglite',
    ...session(undefined, statementTimeoutMs),
    // One message and one transaction for them all: PGlite commits each statement of its own.
    queryEach: <Row extends object>(sql: string, paramsList: readonly (readonly unknown[])[]) =>
      call<Row[][]>({op: 'each', sql, paramsList}, statementTimeoutMs),
    async transaction(work) {
      // Migrations run here, once at start: no timeout, a new database takes a while.
      const tx = await call<number>({op: 'begin'})
      try {
        const result = await work(session(tx))
        await call({op: 'end', tx, commit: true})
        return result
      } catch (error) {
        await call({op: 'end', tx, commit: false}).catch(() => {})
        throw error
      }
    },
    async close() {
      try {
        if (!exited) await call({op: 'close'})
        failAll(stopped())
        await worker.terminate()
      } finally {
        onClose()
      }
    },
  }
  return driver
}

/**
 * The embedded store: PGlite in `folder`, owned by this process through the folder's lock file.
 * The database itself lives in `folder/pgdata`, beside the lock.
 */
export async function openPgliteDriver(folder: string): Promise<SqlDriver> {
  const lock = await lockDataFolder(folder)
  try {
    return await startPgliteWorker({dataDir: path.join(folder, 'pgdata'), onClose: lock.release})
  } catch (error) {
    lock.release()
    throw error
  }
}
