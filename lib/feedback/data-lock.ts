import {mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {connect, createServer, type Server} from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * PGlite has no lock of its own: two processes that open one data folder both succeed and silently
 * lose committed rows. So exactly one process owns a folder, recorded in a lock file inside it.
 */
export const LOCK_FILE = 'feedback.lock'

/**
 * The holder listens on this Unix socket in the folder for as long as it runs: the kernel closes it
 * when the process dies, however it dies, so a connection refused means the holder is gone, even
 * one in another container on this machine (another host name, another pid namespace).
 */
export const LIVENESS_SOCKET = 'feedback.sock'

export type LockHolder = {
  pid: number
  hostname: string
  startedAt: string
  /** The kernel's boot id: the same for every container on one machine, new after a reboot. */
  bootId?: string
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    /** Null when another process is writing the lock file at this very moment. */
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.hostname} (since ${holder.startedAt})`
      : 'another process that is opening it right now'
    super(
      `The feedback data folder ${folder} is in use by ${who}. Only one process may open it: stop ` +
        `that process, or go through it (the site's /api/feedback endpoints). A holder that ran on ` +
        `this machine is checked and replaced once gone; one from another machine (or from before a ` +
        `reboot, under another host name) cannot be: if that process is gone, delete ` +
        `${path.join(folder, LOCK_FILE)}.`,
    )
    this.name = 'DataFolderLockedError'
  }
}

export type DataLock = {file: string; holder: LockHolder; release(): void}

/** A lock file is written in one call; one younger than this with no holder yet is being written. */
const BEING_WRITTEN_MS = 5000

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>
    if (typeof holder.pid === 'number' && typeof holder.hostname === 'string') return holder as LockHolder
  } catch {
    // Unreadable or half-written: judged by its age below.
  }
  return null
}

const processStartedAt = () => Date.now() - process.uptime() * 1000

function currentBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return undefined // not Linux
  }
}

/** Whether a process listens on the folder's liveness socket (slow to answer counts as alive). */
function answersOnSocket(folder: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path.join(folder, LIVENESS_SOCKET))
    socket.setTimeout(1000, () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function isAlive(holder: LockHolder, folder: string): Promise<boolean> {
  // On this machine (same kernel, so same boot id), the socket tells, whatever the host name.
  if (holder.bootId && holder.bootId === currentBootId()) {
    if (holder.pid === process.pid && holder.hostname === os.hostname()) {
      // Our own pid from before this process started: a container restarted with the same pid.
      return Date.parse(holder.startedAt) >= processStartedAt() - 1000
    }
    return answersOnSocket(folder)
  }
  // Written before a reboot of this very host: nothing from then still runs.
  if (holder.bootId && holder.hostname === os.hostname()) return false
  // Another machine (a shared volume), or a lock without a boot id: it cannot be checked from here.
  if (holder.hostname !== os.hostname()) return true
  if (holder.pid === process.pid) return Date.parse(holder.startedAt) >= processStartedAt() - 1000
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const sameHolder = (a: LockHolder | null, b: LockHolder | null) =>
  a?.pid === b?.pid && a?.hostname === b?.hostname && a?.startedAt === b?.startedAt

/**
 * Moves a dead holder's lock aside. Renaming is atomic, so when two processes race to take over,
 * one of them finds the file gone; one that moved a lock taken meanwhile puts it back.
 */
async function takeOver(file: string, stale: LockHolder | null) {
  const aside = `${file}.stale-${process.pid}`
  try {
    renameSync(file, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const moved = readHolder(aside)
  if (!sameHolder(moved, stale) && moved && (await isAlive(moved, path.dirname(file)))) {
    renameSync(aside, file)
    throw new DataFolderLockedError(path.dirname(file), moved)
  }
  unlinkSync(aside)
}

/**
 * Takes the folder's lock or rejects with DataFolderLockedError naming the live holder. A lock
 * left by a process that is no longer running (on this machine, in any container) is taken over. The lock is released by `release()` and, as a
 * last resort, when the process exits.
 */
export async function lockDataFolder(folder: string): Promise<DataLock> {
  mkdirSync(folder, {recursive: true})
  const file = path.join(folder, LOCK_FILE)
  for (let attempt = 0; attempt < 5; attempt++) {
    const holder: LockHolder = {
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      bootId: currentBootId(),
    }
    try {
      writeFileSync(file, `${JSON.stringify(holder)}\n`, {flag: 'wx'})
      return holdLock(file, holder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const current = readHolder(file)
    if (current && (await isAlive(current, folder))) throw new DataFolderLockedError(folder, current)
    if (!current && Date.now() - modifiedAt(file) < BEING_WRITTEN_MS)
      throw new DataFolderLockedError(folder, null)
    await takeOver(file, current)
  }
  throw new Error(`Could not lock ${folder}: other processes keep taking it. Try again.`)
}

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs
  } catch {
    return 0
  }
}

/** Listens on the liveness socket; a socket file left by a dead holder is ours to replace. */
function listenForLiveness(folder: string): Server {
  const socketPath = path.join(folder, LIVENESS_SOCKET)
  rmSync(socketPath, {force: true})
  const server = createServer((connection) => connection.destroy())
  // A path too long for a socket (over ~100 bytes) leaves only the pid check; nothing else fails.
  server.on('error', () => {})
  server.listen(socketPath)
  // It must not keep the process alive on its own.
  server.unref()
  return server
}

function holdLock(file: string, holder: LockHolder): DataLock {
  const liveness = listenForLiveness(path.dirname(file))
  const release = () => {
    process.removeListener('exit', release)
    liveness.close()
    // Only our own lock is removed: one taken over after we were presumed dead is not ours.
    if (sameHolder(readHolder(file), holder)) unlinkSync(file)
  }
  process.on('exit', release)
  return {file, holder, release}
}
