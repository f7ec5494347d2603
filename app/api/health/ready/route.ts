import {bearerAccess} from '@/lib/site/bearer-token'
import {metricsToken} from '@/lib/env.server'
import {contentSourceStates, dependencyStates, readiness} from '@/lib/health/status.mjs'

// Answered per request: a cached answer would say nothing about this process.
export const dynamic = 'force-dynamic'

/**
 * Readiness: 200 when this instance should get requests ("ready", or "degraded" while a dependency
 * pages can do without is down); 503 while starting and from the moment shutdown begins. Which
 * dependency is down only for a holder of METRICS_TOKEN: the public learns nothing of the setup.
 */
export function GET(request: Request) {
  const status = readiness()
  const ready = status === 'ready' || status === 'degraded'
  const detailed = bearerAccess(request.headers.get('authorization'), metricsToken()) === 'granted'
  const body = detailed
    ? {
        status,
        dependencies: Object.fromEntries(dependencyStates().map(([name, up]) => [name, up ? 'up' : 'down'])),
        contentSources: Object.fromEntries(contentSourceStates()),
      }
    : {status}
  return Response.json(body, {status: ready ? 200 : 503, headers: {'Cache-Control': 'no-store'}})
}
