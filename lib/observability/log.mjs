/**
 * The one logger every server-side line goes through: JSON lines on stdout (pino), at LOG_LEVEL
 * (info by default), readable in `npm run dev`, with the trace and span ids on a request's lines
 * when tracing is on. Plain JavaScript on globalThis: the cache handler and the start-up script,
 * which Node loads without compiling, log through the same instance as the bundled routes.
 */
import {trace} from '@opentelemetry/api'
import pino from 'pino'

import {processWide} from '../runtime/process-wide.mjs'

import {tracingEnabled} from './tracing-settings.mjs'

const DEFAULT_LEVEL = 'info'

/** LOG_LEVEL when it names one of pino's levels (or "silent"), else the default and a warning. */
function chosenLevel() {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase()
  if (!wanted) return {level: DEFAULT_LEVEL}
  if (wanted === 'silent' || wanted in pino.levels.values) return {level: wanted}
  return {level: DEFAULT_LEVEL, unknown: wanted}
}

/** The active span's ids, so a request's lines can be found from its trace and the other way round. */
function traceFields() {
  const context = trace.getActiveSpan()?.spanContext()
  return context ? {trace_id: context.traceId, span_id: context.spanId} : {}
}

function createLogger() {
  const {level, unknown} = chosenLevel()
  const logger = pino(
    {
      level,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names ("error"), not numbers, for people and log stores that do not know pino.
      formatters: {level: (label) => ({level: label})},
      mixin: tracingEnabled() ? traceFields : undefined,
    },
    // A person running `next dev` reads the lines; a worker thread formats them without blocking.
    process.env.NODE_ENV === 'development'
      ? pino.transport({target: 'pino-pretty', options: {ignore: 'pid,hostname', translateTime: 'HH:MM:ss'}})
      : pino.destination({dest: 1, sync: true}),
  )
  if (unknown)
    logger.warn({wanted: unknown, using: level}, 'LOG_LEVEL names no level; logging at the default')
  return logger
}

export const log = processWide('log', createLogger)
