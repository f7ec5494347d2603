import {mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * PGlite has no lock of its own: two processes that open one data folder both succeed and silently
 * lose committed rows. So exactly one process owns a folder, recorded in a lock file inside it.
 */
export const LOCK_FILE = 'feedback.lock'

export type LockHolder = {pid: number; hostname: string; startedAt: string}

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
        `that process, or go through it (the site's /api/feedback endpoints). If that process is gone, ` +
        `delete ${path.join(folder, LOCK_FILE)}.`,
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

function isAlive(holder: LockHolder): boolean {
  // A holder on another host (a shared volume) cannot be checked from here: it is taken as alive.
  if (holder.hostname !== os.hostname()) return true
  if (holder.pid === process.pid) {
    // Our own pid from before this process started: a container restarted with the same pid.
    return Date.parse(holder.startedAt) >= processStartedAt() - 1000
  }
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
function takeOver(file: string, stale: LockHolder | null) {
  const aside = `${file}.stale-${process.pid}`
  try {
    renameSync(file, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const moved = readHolder(aside)
  if (!sameHolder(moved, stale) && moved && isAlive(moved)) {
    renameSync(aside, file)
    throw new DataFolderLockedError(path.dirname(file), moved)
  }
  unlinkSync(aside)
}

/**
 * Takes the folder's lock or throws DataFolderLockedError naming the live holder. A lock left by
 * a process that is no longer running is taken over. The lock is released by `release()` and, as a
 * last resort, when the process exits.
 */
export function lockDataFolder(folder: string): DataLock {
  mkdirSync(folder, {recursive: true})
  const file = path.join(folder, LOCK_FILE)
  for (let attempt = 0; attempt < 5; attempt++) {
    const holder: LockHolder = {
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
    }
    try {
      writeFileSync(file, `${JSON.stringify(holder)}\n`, {flag: 'wx'})
      return holdLock(file, holder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const current = readHolder(file)
    if (current && isAlive(current)) throw new DataFolderLockedError(folder, current)
    if (!current && Date.now() - modifiedAt(file) < BEING_WRITTEN_MS)
      throw new DataFolderLockedError(folder, null)
    takeOver(file, current)
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

function holdLock(file: string, holder: LockHolder): DataLock {
  const release = () => {
    process.removeListener('exit', release)
    // Only our own lock is removed: one taken over after we were presumed dead is not ours.
    if (sameHolder(readHolder(file), holder)) unlinkSync(file)
  }
  process.on('exit', release)
  return {file, holder, release}
}
