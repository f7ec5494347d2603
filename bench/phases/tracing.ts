/**
 * What tracing costs: the term page's throughput from `next start` with tracing off (nothing
 * registered) and on (every span exported over OTLP/HTTP to a receiver here, which keeps a count
 * and drops them), one server after the other on the same build and port, each measured once it
 * has settled. Each setting is measured twice, in the order off, on, on, off, and keeps its better
 * run: whatever else the machine does at one moment only ever slows a run down, and neither
 * setting gets the earlier or the later slot.
 */
import path from 'node:path'

import {startApp, waitUntilSettled, type AppEnv} from '@/bench/lib/next-app'
import {startOtlpReceiver} from '@/bench/lib/otlp-receiver'
import type {TracingResult} from '@/bench/lib/results'
import {measureLoad, type LoadResult, type LoadSettings} from '@/bench/lib/wrk'
import {TERM_PATH} from './throughput'

const better = ([first, second]: LoadResult[]) => (second.reqPerSec > first.reqPerSec ? second : first)

export async function measureTracing(options: {
  app: AppEnv
  port: number
  settings: LoadSettings
  workDir: string
}): Promise<TracingResult> {
  const sink = await startOtlpReceiver()
  // A feedback folder of its own, as any second server on one machine needs.
  const feedback = {FEEDBACK_DATA_DIR: path.join(options.workDir, 'feedback-tracing')}
  const load = async (extra: Record<string, string>) => {
    const app = await startApp(
      {...options.app, extra: {...options.app.extra, ...feedback, ...extra}},
      options.port,
    )
    try {
      // As the throughput phase's server has: the work a new server does behind its first pages is done.
      await waitUntilSettled(app.server)
      return await measureLoad(`${app.url}${TERM_PATH}`, options.settings)
    } finally {
      await app.server.stop()
    }
  }
  try {
    const tracingOn = {
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      // Exported as the spans end, in batches, as a production collector would take them.
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    }
    const off = [await load({})]
    const on = [await load(tracingOn), await load(tracingOn)]
    off.push(await load({}))
    return {
      settings: options.settings,
      off: better(off),
      on: better(on),
      runsReqPerSec: {off: off.map((run) => run.reqPerSec), on: on.map((run) => run.reqPerSec)},
      exports: sink.received.exports,
      exportedBytes: sink.received.bytes,
    }
  } finally {
    sink.close()
  }
}
