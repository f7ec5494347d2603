/**
 * `npm start`: builds the site when there is no build yet, then serves it on port 3000
 * (or $PORT) from .next (or $NEXT_DIST_DIR). Builds again when asked with --rebuild.
 * SIGINT and SIGTERM (Ctrl-C, `docker stop`, systemd) go on to Next, which closes the server;
 * this script exits with it, so nothing is left holding the port or the feedback database.
 */
import '../lib/runtime/require-node.mjs'

import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {constants} from 'node:os'

const env = {...process.env, NEXT_TELEMETRY_DISABLED: '1', SANITY_TELEMETRY_DISABLED: '1'}
const next = 'node_modules/.bin/next'

/** Runs `next <args>`, passing on the signals this process gets; resolves with its exit code. */
function run(args) {
  const child = spawn(next, args, {stdio: 'inherit', env})
  const forward = (signal) => child.kill(signal)
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

const distDir = process.env.NEXT_DIST_DIR || '.next'
if (process.argv.includes('--rebuild') || !existsSync(`${distDir}/BUILD_ID`)) {
  const built = await run(['build'])
  if (built !== 0) process.exit(built)
}
process.exit(await run(['start', '--port', process.env.PORT ?? '3000']))
