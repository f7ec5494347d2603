import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {DataFolderLockedError, LOCK_FILE, lockDataFolder} from '@/lib/feedback/data-lock'
import {openPgliteDriver} from '@/lib/feedback/pglite-driver'

jest.setTimeout(60_000)

let folder: string

beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'feedback-lock-'))
})

afterEach(() => rmSync(folder, {recursive: true, force: true}))

const lockFile = () => path.join(folder, LOCK_FILE)
const writeLock = (holder: object) => writeFileSync(lockFile(), JSON.stringify(holder))

/** The pid of a process that has exited, so the OS knows no process by it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

describe('the feedback data folder lock', () => {
  it('records who holds it: pid, host name and start time', () => {
    const lock = lockDataFolder(folder)
    const holder = JSON.parse(readFileSync(lockFile(), 'utf8'))
    expect(holder).toEqual({pid: process.pid, hostname: os.hostname(), startedAt: expect.any(String)})
    expect(Date.now() - Date.parse(holder.startedAt)).toBeLessThan(10_000)
    lock.release()
    expect(existsSync(lockFile())).toBe(false)
  })

  it('refuses a second owner with an error naming the holder', () => {
    const lock = lockDataFolder(folder)
    try {
      expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError)
      expect(() => lockDataFolder(folder)).toThrow(
        new RegExp(`in use by process ${process.pid} on ${os.hostname()} \\(since `),
      )
    } finally {
      lock.release()
    }
  })

  it('refuses a folder held by another running process', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeLock({pid: child.pid, hostname: os.hostname(), startedAt: new Date().toISOString()})
      expect(() => lockDataFolder(folder)).toThrow(`in use by process ${child.pid}`)
    } finally {
      child.kill()
    }
  })

  it('takes over a lock left by a process that is no longer running', () => {
    const pid = deadPid()
    writeLock({pid, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z'})
    const lock = lockDataFolder(folder)
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('takes over a lock from this pid that predates this process (a restarted container)', () => {
    writeLock({pid: process.pid, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z'})
    const lock = lockDataFolder(folder)
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).startedAt).not.toBe('2020-01-01T00:00:00.000Z')
    lock.release()
  })

  it('treats a holder on another host as alive, since it cannot be checked from here', () => {
    writeLock({pid: deadPid(), hostname: 'some-other-host', startedAt: '2020-01-01T00:00:00.000Z'})
    expect(() => lockDataFolder(folder)).toThrow(/on some-other-host/)
  })

  it('does not remove a lock another process has taken over since', () => {
    const lock = lockDataFolder(folder)
    const successor = {pid: 1, hostname: 'successor', startedAt: new Date().toISOString()}
    writeLock(successor)
    lock.release()
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(successor)
  })

  it('keeps a second opener off a real PGlite folder, and lets it in once the first has closed', async () => {
    const first = await openPgliteDriver(folder)
    await first.exec('CREATE TABLE kept (n integer); INSERT INTO kept VALUES (42)')
    await expect(openPgliteDriver(folder)).rejects.toThrow(DataFolderLockedError)
    await first.close()
    expect(existsSync(lockFile())).toBe(false)

    const second = await openPgliteDriver(folder)
    try {
      await expect(second.query('SELECT n FROM kept')).resolves.toEqual([{n: 42}])
    } finally {
      await second.close()
    }
  })
})
