/**
 * Our spans inside Next's traces (GROQ queries, feedback database calls, Redis calls, webhook
 * revalidations). With tracing off (no OTLP endpoint) the work runs as it is, with no span at all.
 */
import {SpanStatusCode, trace} from '@opentelemetry/api'

import {tracingEnabled} from './tracing-settings.mjs'

const tracer = trace.getTracer('glossary')
const enabled = tracingEnabled()

/** Runs `work` inside a span called `name`; `work` may add attributes to the span it is given. */
export function inSpan(name, attributes, work) {
  if (!enabled) return work(undefined)
  return tracer.startActiveSpan(name, {attributes}, async (span) => {
    try {
      return await work(span)
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error))
      span.setStatus({code: SpanStatusCode.ERROR})
      throw error
    } finally {
      span.end()
    }
  })
}
