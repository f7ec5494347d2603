import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'

import {expect} from './test'

export const root = path.join(__dirname, '../../..')

export type RunningServer = {
  url: string
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

const START_TIMEOUT_MS = 60_000

/**
 * Polls `probe` until it finds something and returns that; fails at once, with the server's
 * output, if the process exits meanwhile, and with the output too when `START_TIMEOUT_MS` (or the
 * test's own time) runs out.
 */
async function untilFound<T>(
  child: ChildProcess,
  output: () => string,
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
  let found: T | undefined
  try {
    await expect
      .poll(
        async () => {
          // Thrown from here, not from the matcher, so the polling ends at once.
          if (child.exitCode !== null) throw new Error('next start exited')
          return (found = await probe())
        },
        {timeout: START_TIMEOUT_MS, intervals: [100, 200]},
      )
      .toBeDefined()
  } catch (error) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`)
    throw new Error(`next start did not ${what}:\n${output()}`, {cause: error})
  }
  return found!
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
  const output = () => log
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
    if (port === 0) {
      // The port `next start` chose, from its start-up line.
      const chosen = await untilFound(
        child,
        output,
        'report its port',
        () => log.match(/Local:\s+https?:\/\/[^\s:]+:(\d+)/)?.[1],
      )
      url = `http://127.0.0.1:${chosen}`
    }
    await untilFound(child, output, `answer at ${url}`, () =>
      fetch(url, {redirect: 'manual'}).then(
        (response) => (response.status < 500 ? response.status : undefined),
        () => undefined, // not listening yet
      ),
    )
  } catch (error) {
    await stop()
    throw error
  }
  return {url, process: child, output, stop}
}
