/**
 * `npm start`: builds the site when there is no build yet, then serves it on port 3000
 * (or $PORT) from .next (or $NEXT_DIST_DIR). Builds again when asked with --rebuild.
 * SIGINT and SIGTERM (Ctrl-C, `docker stop`, systemd, Kubernetes) go on to Next, after the drain
 * delay if one is set, and Next closes the server; this script exits with it, so nothing is left
 * holding the port or the feedback database.
 */
import '../lib/runtime/require-node.mjs'

import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {constants} from 'node:os'

const env = {...process.env, NEXT_TELEMETRY_DISABLED: '1', SANITY_TELEMETRY_DISABLED: '1'}
const next = 'node_modules/.bin/next'

/**
 * SHUTDOWN_DRAIN_SECONDS: how long the server keeps serving after it is asked to stop, with
 * readiness answering 503, so a balancer takes it out of rotation before it closes
 * (docs/deployment.md "Health and shutdown"). 0 by default; at most 60.
 */
function drainMs() {
  const value = process.env.SHUTDOWN_DRAIN_SECONDS ?? '0'
  const seconds = Number(value)
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > 60) {
    console.error(`SHUTDOWN_DRAIN_SECONDS "${value}" must be a number of seconds from 0 to 60.`)
    process.exit(1)
  }
  return seconds * 1000
}

/**
 * Runs `next <args>`, passing on the signals this process gets; resolves with its exit code. With
 * a drain, the first SIGINT or SIGTERM becomes SIGUSR2 (the server turns unready) and goes on
 * itself after the drain; a second one goes on at once.
 */
function run(args, {drain = 0} = {}) {
  const child = spawn(next, args, {stdio: 'inherit', env})
  let draining = false
  const forward = (signal) => {
    if (drain === 0 || draining) return child.kill(signal)
    draining = true
    child.kill('SIGUSR2')
    setTimeout(() => child.kill(signal), drain).unref()
  }
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? 128 + (constants.signals[signal] ?? 0))
    })
  })
}

const drain = drainMs()
const distDir = process.env.NEXT_DIST_DIR || '.next'
if (process.argv.includes('--rebuild') || !existsSync(`${distDir}/BUILD_ID`)) {
  const built = await run(['build'])
  if (built !== 0) process.exit(built)
}
process.exit(await run(['start', '--port', process.env.PORT ?? '3000'], {drain}))
