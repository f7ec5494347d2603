import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

import {start, type Managed} from '@/bench/lib/processes'

import {freePort} from '@/tests/support/free-port'

import {expect} from './test'

export type RunningPrometheus = {
  url: string
  /** The value of an instant query's result series, each by its labels. */
  query(expression: string): Promise<{labels: Record<string, string>; value: number}[]>
  stop(): Promise<void>
}

/**
 * Debian's Prometheus server, scraping `targets` (host:port) every second at /api/metrics with
 * the metrics token, the way docs/operations.md tells an operator to; ready when this resolves.
 */
export async function startPrometheus(
  dir: string,
  targets: string[],
  token: string,
): Promise<RunningPrometheus> {
  mkdirSync(dir, {recursive: true})
  const config = path.join(dir, 'prometheus.yml')
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 1s',
      'scrape_configs:',
      '  - job_name: glossary',
      '    metrics_path: /api/metrics',
      '    authorization:',
      `      credentials: ${token}`,
      '    static_configs:',
      `      - targets: [${targets.map((target) => `'${target}'`).join(', ')}]`,
      '',
    ].join('\n'),
  )
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server: Managed = start('prometheus', 'prometheus', [
    `--config.file=${config}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ])
  try {
    await expect
      .poll(
        async () => {
          // Thrown from here, not from the matcher, so the polling ends at once.
          if (server.child.exitCode !== null) throw new Error('prometheus exited')
          return fetch(`${url}/-/ready`).then(
            (response) => response.ok,
            () => false,
          )
        },
        {timeout: 30_000, intervals: [200]},
      )
      .toBe(true)
  } catch (error) {
    await server.stop()
    throw new Error(`prometheus did not become ready:\n${server.output()}`, {cause: error})
  }
  return {
    url,
    async query(expression) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expression)}`)
      const body = (await response.json()) as {
        status: string
        data: {result: {metric: Record<string, string>; value: [number, string]}[]}
      }
      if (body.status !== 'success') throw new Error(`query ${expression} failed: ${JSON.stringify(body)}`)
      return body.data.result.map(({metric, value}) => ({labels: metric, value: Number(value[1])}))
    },
    stop: () => server.stop(),
  }
}
