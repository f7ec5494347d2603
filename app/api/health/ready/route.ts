import {readiness} from '@/lib/health/status.mjs'

// Answered per request: a cached answer would say nothing about this process.
export const dynamic = 'force-dynamic'

/**
 * Readiness: 200 when this instance should get requests ("ready", or "degraded" while a dependency
 * pages can do without is down); 503 while starting and from the moment shutdown begins.
 */
export function GET() {
  const status = readiness()
  const ready = status === 'ready' || status === 'degraded'
  return Response.json({status}, {status: ready ? 200 : 503, headers: {'Cache-Control': 'no-store'}})
}
