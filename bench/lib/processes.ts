/**
 * Every process the benchmark starts goes through here: each one runs in its own process group
 * (so `next start`'s, nginx's and Chromium's children go with it) and is stopped at the end, on
 * failure, and on Ctrl-C or SIGTERM.
 */
import {spawn, type ChildProcess} from 'node:child_process'

export type Managed = {
  name: string
  child: ChildProcess
  /** The last 64 kB of its stdout and stderr. */
  output: () => string
  exited: Promise<number | null>
  stop: () => Promise<void>
}

const OUTPUT_LIMIT = 64 * 1024
const running = new Set<Managed>()

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false // the group is gone
  }
}

export type StartOptions = {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Keep stdin open as a pipe (the lock holder reads it); otherwise it is closed. */
  stdin?: boolean
}

export function start(name: string, command: string, args: string[], options: StartOptions = {}): Managed {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const append = (chunk: Buffer) => {
    log += chunk.toString()
    if (log.length > OUTPUT_LIMIT) log = log.slice(-OUTPUT_LIMIT)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0)))
    child.once('error', (error) => {
      append(Buffer.from(`${error.message}\n`))
      resolve(null)
    })
  })
  const managed: Managed = {
    name,
    child,
    output: () => log,
    exited,
    async stop() {
      running.delete(managed)
      const pid = child.pid
      if (pid === undefined) return
      // The group may outlive its leader (next start's server), so signal it even after exit.
      if (!killGroup(pid, 'SIGTERM')) return
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5_000)
      await exited
      // Members that ignored SIGTERM go now; the leader has already answered.
      await new Promise((resolve) => setTimeout(resolve, 100))
      killGroup(pid, 'SIGKILL')
      clearTimeout(timer)
    },
  }
  running.add(managed)
  return managed
}

/** Runs a command to completion (still stoppable by Ctrl-C); rejects with its output when it fails. */
export async function run(
  name: string,
  command: string,
  args: string[],
  options: StartOptions = {},
): Promise<{output: string; ms: number}> {
  const began = performance.now()
  const managed = start(name, command, args, options)
  const code = await managed.exited
  running.delete(managed)
  const ms = performance.now() - began
  if (code !== 0) {
    throw new Error(`${name} failed (exit ${code}):\n${managed.output().slice(-4000)}`)
  }
  return {output: managed.output(), ms}
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop()))
}

/** The last resort when the process is exiting and cannot wait. */
function killAllNow() {
  for (const managed of running) if (managed.child.pid) killGroup(managed.child.pid, 'SIGKILL')
}

/** Ctrl-C and SIGTERM stop every child before the benchmark exits. */
export function stopChildrenOnExit() {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping ${running.size} process(es)…`)
      stopAll().finally(() => process.exit(code))
    })
  }
  process.once('exit', killAllNow)
}

/**
 * Holds an exclusive flock(1) on `file` while `work` runs, so heavy phases take turns with other
 * jobs on a shared machine (BENCH_LOCK_FILE). The lock lives as long as a `cat` reading our pipe:
 * if the benchmark dies, the pipe closes and the lock is released.
 */
export async function withLock<T>(
  file: string | undefined,
  label: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!file) return work()
  const holder = start(`lock (${label})`, 'flock', [file, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdin: true,
  })
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (holder.output().includes('locked')) {
        holder.child.stdout?.off('data', onData)
        resolve()
      }
    }
    holder.child.stdout?.on('data', onData)
    holder.exited.then((code) => reject(new Error(`flock ${file} exited (${code}): ${holder.output()}`)))
  })
  try {
    return await work()
  } finally {
    holder.child.stdin?.end()
    await holder.exited
    running.delete(holder)
  }
}
