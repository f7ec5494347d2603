/**
 * The project runs on the Node it brings (npm puts node_modules/.bin/node first on an npm script's
 * PATH). Started directly under an older system Node, a server or script stops here with one line
 * naming the version needed and the command to use, instead of failing later with a stack trace.
 * Plain JavaScript so `scripts/start.mjs` and the Jest configs can use it without a compiler.
 */
import path from 'node:path'

import packageJson from '../../package.json' with {type: 'json'}

/** `engines.node` of package.json, `>=MAJOR.MINOR`: the one place the minimum is written. */
export const MINIMUM_NODE = packageJson.engines.node.replace(/^>=/, '')

/** Whether `version` (e.g. `20.20.2`) is at least the minimum. */
export function isSupportedNode(version) {
  const [major, minor] = version.split('.').map(Number)
  const [needMajor, needMinor] = MINIMUM_NODE.split('.').map(Number)
  return major > needMajor || (major === needMajor && minor >= needMinor)
}

/** Exits with one line when this process runs on an unsupported Node; `command` is what to run instead. */
export function requireSupportedNode(command) {
  if (isSupportedNode(process.versions.node)) return
  console.error(
    `This project needs Node ${MINIMUM_NODE} or newer (this is ${process.version}): run \`${command}\`, which uses the project's own Node from node_modules/.bin.`,
  )
  process.exit(1)
}

/** The npm command that runs a script file (`scripts/start.mjs` -> `npm start`), from package.json. */
export function npmCommandFor(scriptFile) {
  const file = path.relative(process.cwd(), scriptFile)
  const name = Object.keys(packageJson.scripts).find((key) => packageJson.scripts[key].includes(file))
  if (!name) return 'npm run <script>'
  return name === 'start' || name === 'test' ? `npm ${name}` : `npm run ${name}`
}
