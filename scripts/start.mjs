/**
 * `npm start`: builds the site when there is no build yet, then serves it on port 3000
 * (or $PORT) from .next (or $NEXT_DIST_DIR). Builds again when asked with --rebuild.
 */
import '../lib/runtime/require-node.mjs'

import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'

const env = {...process.env, NEXT_TELEMETRY_DISABLED: '1', SANITY_TELEMETRY_DISABLED: '1'}
const next = 'node_modules/.bin/next'

function run(args) {
  const result = spawnSync(next, args, {stdio: 'inherit', env})
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const distDir = process.env.NEXT_DIST_DIR || '.next'
if (process.argv.includes('--rebuild') || !existsSync(`${distDir}/BUILD_ID`)) run(['build'])
run(['start', '--port', process.env.PORT ?? '3000'])
