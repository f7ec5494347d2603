import {bearerAccess} from '@/lib/site/bearer-token'
import {metricsToken} from '@/lib/env.server'
import {metrics} from '@/lib/observability/metrics.mjs'

// Answered per request: a cached answer would say nothing about this process.
export const dynamic = 'force-dynamic'

const noStore = {'Cache-Control': 'no-store'}

/**
 * This instance's Prometheus metrics, for a scraper holding `Authorization: Bearer <METRICS_TOKEN>`.
 * Without the setting the route does not exist (404); a wrong or missing token is a 401.
 */
export async function GET(request: Request) {
  switch (bearerAccess(request.headers.get('authorization'), metricsToken())) {
    case 'not-configured':
      return Response.json({error: 'Not found.'}, {status: 404, headers: noStore})
    case 'none':
    case 'wrong-token':
      return Response.json(
        {error: 'Metrics need Authorization: Bearer <METRICS_TOKEN>.'},
        {status: 401, headers: {...noStore, 'WWW-Authenticate': 'Bearer'}},
      )
    case 'granted':
      return new Response(await metrics.registry.metrics(), {
        headers: {...noStore, 'Content-Type': metrics.registry.contentType},
      })
  }
}
