/** Load generation with Debian's wrk: a warm-up, then a measured run, parsed from its JSON line. */
import path from 'node:path'

import {run} from './processes'

export type LoadSettings = {threads: number; connections: number; warmupSeconds: number; seconds: number}

export type LoadResult = {
  requests: number
  reqPerSec: number
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  /** Responses outside 2xx/3xx plus socket errors and timeouts: a run with any is not trusted. */
  errors: number
  mbPerSec: number
}

const SCRIPT = path.join(__dirname, '../wrk-report.lua')

type WrkJson = {
  requests: number
  durationUs: number
  bytes: number
  errors: Record<'connect' | 'read' | 'write' | 'status' | 'timeout', number>
  latencyUs: {p50: number; p90: number; p99: number; max: number}
}

export function parseWrkOutput(output: string): LoadResult {
  const line = output.split('\n').find((text) => text.startsWith('WRK_JSON '))
  if (!line) throw new Error(`wrk printed no report:\n${output.slice(-2000)}`)
  const data = JSON.parse(line.slice('WRK_JSON '.length)) as WrkJson
  const seconds = data.durationUs / 1e6
  return {
    requests: data.requests,
    reqPerSec: data.requests / seconds,
    p50Ms: data.latencyUs.p50 / 1000,
    p90Ms: data.latencyUs.p90 / 1000,
    p99Ms: data.latencyUs.p99 / 1000,
    maxMs: data.latencyUs.max / 1000,
    errors: Object.values(data.errors).reduce((sum, count) => sum + count, 0),
    mbPerSec: data.bytes / seconds / 1e6,
  }
}

async function wrk(url: string, settings: LoadSettings, seconds: number): Promise<LoadResult> {
  const args = [
    `-t${settings.threads}`,
    `-c${settings.connections}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    SCRIPT,
    url,
  ]
  const {output} = await run(`wrk ${url}`, 'wrk', args)
  return parseWrkOutput(output)
}

export async function measureLoad(url: string, settings: LoadSettings): Promise<LoadResult> {
  if (settings.warmupSeconds > 0) await wrk(url, settings, settings.warmupSeconds)
  return wrk(url, settings, settings.seconds)
}
