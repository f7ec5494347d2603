// Answered per request: a cached answer would say nothing about this process.
export const dynamic = 'force-dynamic'

/** Liveness: 200 for as long as the process can answer at all, draining included. */
export function GET() {
  return Response.json({status: 'live'}, {headers: {'Cache-Control': 'no-store'}})
}
