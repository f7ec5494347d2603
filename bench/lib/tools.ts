/**
 * Packages only the benchmark uses (Lighthouse and its ~110 dependencies in `bench/tools`, the bare
 * Next.js app's own next, react and react-dom in `bench/bare-app`) live in folders with lockfiles
 * of their own, so `npm ci` for the site never downloads them. The first `npm run bench` installs
 * them there with `npm ci`; later runs find them.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const TOOLS_DIR = path.join(process.cwd(), 'bench', 'tools')
const manifest = path.join(TOOLS_DIR, 'package.json')
/** A bare Next.js app with its own install, so its build sees nothing of the site (bench/phases/start-up.ts). */
export const BARE_APP_DIR = path.join(process.cwd(), 'bench', 'bare-app')

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

/** The version `bench/tools/package.json` pins for a tool, e.g. `13.5.0`. */
export function pinnedVersion(name: string): string {
  return (readJson(manifest).dependencies as Record<string, string>)[name]
}

function installedVersion(folder: string, name: string): string | undefined {
  const file = path.join(folder, 'node_modules', name, 'package.json')
  return existsSync(file) ? (readJson(file).version as string) : undefined
}

/** Installs a folder's packages from its lockfile unless the pinned versions are there already. */
function ensureInstalled(folder: string, log: (message: string) => void) {
  const pinned = readJson(path.join(folder, 'package.json')).dependencies as Record<string, string>
  if (Object.entries(pinned).every(([name, version]) => installedVersion(folder, name) === version)) return
  const where = path.relative(process.cwd(), folder)
  log(`Installing the benchmark's ${Object.keys(pinned).join(', ')} into ${where}…`)
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', folder], {stdio: 'inherit'})
  if (result.status !== 0) throw new Error(`npm ci in ${where} failed (see above)`)
}

/** Installs the bench's own tools and the bare app's packages (see above). */
export function ensureBenchTools(log: (message: string) => void) {
  ensureInstalled(TOOLS_DIR, log)
  ensureInstalled(BARE_APP_DIR, log)
}

/** Imports a tool from `bench/tools`, which Node's resolution from the site's folder cannot see. */
export async function importBenchTool<Module>(name: string): Promise<Module> {
  const entry = createRequire(manifest).resolve(name)
  return (await import(pathToFileURL(entry).href)) as Module
}
