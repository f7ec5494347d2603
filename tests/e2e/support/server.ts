import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'

export const root = path.join(__dirname, '../../..')

export type RunningServer = {
  url: string
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

async function waitForServer(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`)
    try {
      const response = await fetch(url, {redirect: 'manual'})
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs} ms:\n${output()}`)
}

/** The port `next start` chose when asked for any free one (port 0), from its start-up line. */
async function chosenPort(output: () => string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = output().match(/Local:\s+https?:\/\/[^\s:]+:(\d+)/)
    if (match) return Number(match[1])
    if (child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`next start did not report its port:\n${output()}`)
}

/**
 * Starts `next start` on the built site in its own process group, so stopping it also stops
 * the next-server child it spawns (killing only the parent leaves that one running). Port 0
 * takes any free port; `env.NEXT_DIST_DIR` serves another build than `.next`. `command` starts
 * it another way (`npm start`, say), which must serve on `port` too.
 */
export async function startNextServer(
  port: number,
  env: Record<string, string> = {},
  command: string[] = [path.join(root, 'node_modules/.bin/next'), 'start', '--port', String(port)],
): Promise<RunningServer> {
  const distDir = env.NEXT_DIST_DIR ?? '.next'
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    throw new Error(`No build found in ${distDir}: run \`npm run build\` before the browser suite.`)
  }
  let log = ''
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    detached: true,
    env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (log += chunk))
  child.stderr?.on('data', (chunk) => (log += chunk))
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  let url = `http://127.0.0.1:${port}`
  try {
    if (port === 0) url = `http://127.0.0.1:${await chosenPort(() => log, child, 60_000)}`
    await waitForServer(url, child, () => log, 60_000)
  } catch (error) {
    await stop()
    throw error
  }
  return {url, process: child, output: () => log, stop}
}
