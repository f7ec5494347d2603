/** The machine a run measures on: its tools, checked before anything is built, and their versions. */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import os from 'node:os'

import {assertPortFree} from './http'
import {CHROMIUM_PATH} from '@/tests/e2e/support/browser'
import type {BenchResults} from './results'
import {pinnedVersion} from './tools'

function versionOf(command: string, args: string[]): string {
  const result = spawnSync(command, args, {encoding: 'utf8'})
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}`
  return /\d+(?:\.\d+)+/.exec(text)?.[0] ?? 'unknown'
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/** Everything the run needs is checked before anything is built; nothing is installed here. */
export async function preflight(ports: number[]) {
  const missing: string[] = []
  if (!onPath('wrk')) missing.push('wrk')
  if (!onPath('nginx')) missing.push('nginx')
  if (!onPath('redis-server')) missing.push('redis-server')
  if (!existsSync(CHROMIUM_PATH)) missing.push('chromium')
  if (process.env.BENCH_LOCK_FILE && !onPath('flock')) missing.push('util-linux')
  const problems: string[] = []
  if (missing.length) {
    problems.push(`Missing tools. Install them with:\n  sudo apt-get install -y ${missing.join(' ')}`)
  }
  if (process.env.NEXT_PUBLIC_SANITY_PROJECT_ID) {
    problems.push(
      'NEXT_PUBLIC_SANITY_PROJECT_ID is set: the benchmark measures the embedded-dataset source; unset it.',
    )
  }
  for (const port of ports) {
    try {
      await assertPortFree(port)
    } catch (error) {
      problems.push((error as Error).message)
    }
  }
  if (problems.length) throw new Error(problems.join('\n'))
}

export async function machine(): Promise<BenchResults['machine']> {
  const next = JSON.parse(await readFile('node_modules/next/package.json', 'utf8')) as {version: string}
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    next: next.version,
    tools: {
      nginx: versionOf('nginx', ['-v']),
      redis: versionOf('redis-server', ['--version']),
      wrk: versionOf('wrk', ['--version']),
      chromium: versionOf(CHROMIUM_PATH, ['--version']),
      lighthouse: pinnedVersion('lighthouse'),
    },
  }
}
