/**
 * Packages only the benchmark uses (Lighthouse and its ~110 dependencies) live in `bench/tools`,
 * with a lockfile of their own, so `npm ci` for the site never downloads them. The first
 * `npm run bench` installs them there with `npm ci`; later runs find them.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const TOOLS_DIR = path.join(process.cwd(), 'bench', 'tools')
const manifest = path.join(TOOLS_DIR, 'package.json')

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

/** The version `bench/tools/package.json` pins for a tool, e.g. `13.5.0`. */
export function pinnedVersion(name: string): string {
  return (readJson(manifest).dependencies as Record<string, string>)[name]
}

function installedVersion(name: string): string | undefined {
  const file = path.join(TOOLS_DIR, 'node_modules', name, 'package.json')
  return existsSync(file) ? (readJson(file).version as string) : undefined
}

/** Installs the bench's own tools from their lockfile unless the pinned versions are there already. */
export function ensureBenchTools(log: (message: string) => void) {
  const names = Object.keys(readJson(manifest).dependencies as Record<string, string>)
  if (names.every((name) => installedVersion(name) === pinnedVersion(name))) return
  log(`Installing the benchmark's tools (${names.join(', ')}) into bench/tools…`)
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', TOOLS_DIR], {
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('npm ci in bench/tools failed (see above)')
}

/** Imports a tool from `bench/tools`, which Node's resolution from the site's folder cannot see. */
export async function importBenchTool<Module>(name: string): Promise<Module> {
  const entry = createRequire(manifest).resolve(name)
  return (await import(pathToFileURL(entry).href)) as Module
}
