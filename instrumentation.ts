import type {Instrumentation} from 'next'

/**
 * Runs once when a server process starts (Node-only work is imported inside the Node.js branch, so
 * the Edge build never sees it). `next start` run directly under an old system Node stops here
 * with one line. Tracing is registered first, and only when an OTLP endpoint is configured, so
 * Next's own spans and ours reach the collector; then the request metrics and the content the
 * first page needs (lib/site/server-startup).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const {requireSupportedNode} = await import('./lib/runtime/node-version.mjs')
  requireSupportedNode('npm start')
  const {tracingEnabled} = await import('./lib/observability/tracing-settings.mjs')
  if (tracingEnabled()) {
    const {registerOTel} = await import('@vercel/otel')
    // OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_PROTOCOL and OTEL_EXPORTER_OTLP_HEADERS apply as usual.
    registerOTel({serviceName: 'glossary'})
  }
  const {prepareServer} = await import('@/lib/site/server-startup')
  await prepareServer()
}

/**
 * An error thrown while rendering or handling a request: one JSON line with its stack and the
 * route's pattern (never the raw path). The reader gets Next's error page, which shows no stack.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // A Content Lake outage is logged once when it starts and once when it ends (lib/content/lake-guard).
  if (process.env.NEXT_RUNTIME !== 'nodejs' || (error as Error).name === 'ContentUnavailableError') return
  const {log} = await import('./lib/observability/log.mjs')
  log.error(
    {err: error, method: request.method, route: context.routePath, routeType: context.routeType},
    'request failed',
  )
}
