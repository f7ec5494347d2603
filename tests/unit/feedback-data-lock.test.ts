import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import os from 'node:os'
import path from 'node:path'

import {DataFolderLockedError, LIVENESS_SOCKET, LOCK_FILE, lockDataFolder} from '@/lib/feedback/data-lock'
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

const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
const socketFile = () => path.join(folder, LIVENESS_SOCKET)

/** A process that listens on the folder's socket, then is killed: its socket file stays behind. */
async function crashedListener(): Promise<void> {
  const child = spawn(process.execPath, [
    '-e',
    `require('net').createServer().listen(${JSON.stringify(socketFile())}, () => console.log('up'))`,
  ])
  await new Promise((resolve) => child.stdout.once('data', resolve))
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('exit', resolve))
}

describe('the feedback data folder lock', () => {
  it('records who holds it: pid, host name, start time and boot id, and answers on its socket', async () => {
    const lock = await lockDataFolder(folder)
    const holder = JSON.parse(readFileSync(lockFile(), 'utf8'))
    expect(holder).toEqual({pid: process.pid, hostname: os.hostname(), startedAt: expect.any(String), bootId})
    expect(Date.now() - Date.parse(holder.startedAt)).toBeLessThan(10_000)
    expect(existsSync(socketFile())).toBe(true)
    lock.release()
    expect(existsSync(lockFile())).toBe(false)
    expect(existsSync(socketFile())).toBe(false)
  })

  it('refuses a second owner with an error naming the holder', async () => {
    const lock = await lockDataFolder(folder)
    try {
      await expect(lockDataFolder(folder)).rejects.toThrow(DataFolderLockedError)
      await expect(lockDataFolder(folder)).rejects.toThrow(
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
      await expect(lockDataFolder(folder)).rejects.toThrow(`in use by process ${child.pid}`)
    } finally {
      child.kill()
    }
  })

  it('takes over a lock left by a process that is no longer running', async () => {
    const pid = deadPid()
    writeLock({pid, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z'})
    const lock = await lockDataFolder(folder)
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('takes over a lock from this pid that predates this process (a restarted container)', async () => {
    writeLock({pid: process.pid, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z', bootId})
    const lock = await lockDataFolder(folder)
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).startedAt).not.toBe('2020-01-01T00:00:00.000Z')
    lock.release()
  })

  it('takes over from a holder that crashed in another container on this machine', async () => {
    await crashedListener()
    expect(existsSync(socketFile())).toBe(true)
    writeLock({pid: 1, hostname: 'old-container', startedAt: new Date().toISOString(), bootId})
    const lock = await lockDataFolder(folder)
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).hostname).toBe(os.hostname())
    lock.release()
  })

  it('refuses a holder in another container on this machine that still answers on the socket', async () => {
    const listener = createServer().listen(socketFile())
    await new Promise((resolve) => listener.once('listening', resolve))
    try {
      writeLock({pid: 1, hostname: 'live-container', startedAt: new Date().toISOString(), bootId})
      await expect(lockDataFolder(folder)).rejects.toThrow(/in use by process 1 on live-container/)
    } finally {
      listener.close()
    }
  })

  it('takes over a lock this host wrote before a reboot', async () => {
    writeLock({
      pid: process.pid + 1,
      hostname: os.hostname(),
      startedAt: '2020-01-01T00:00:00.000Z',
      bootId: 'before',
    })
    const lock = await lockDataFolder(folder)
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).bootId).toBe(bootId)
    lock.release()
  })

  it('treats a holder on another machine as alive, and says how to clear it', async () => {
    writeLock({
      pid: deadPid(),
      hostname: 'some-other-host',
      startedAt: '2020-01-01T00:00:00.000Z',
      bootId: 'elsewhere',
    })
    await expect(lockDataFolder(folder)).rejects.toThrow(/on some-other-host.*from another machine.*delete /s)
  })

  it('does not remove a lock another process has taken over since', async () => {
    const lock = await lockDataFolder(folder)
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
