/**
 * `npm run build:e2e`: the production build the browser suite runs against, made with the fake
 * secrets in the environment so the leak check has something to look for.
 */
import '@/lib/runtime/require-node.mjs'

import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import path from 'node:path'

import {BUILD_MARKER, FAKE_SECRETS} from './fake-secrets'
import {root} from './server'

const result = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
  cwd: root,
  stdio: 'inherit',
  env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', ...FAKE_SECRETS},
})
if (result.status !== 0) process.exit(result.status ?? 1)
writeFileSync(
  path.join(root, '.next', BUILD_MARKER),
  JSON.stringify({fakeSecrets: Object.keys(FAKE_SECRETS)}),
)
