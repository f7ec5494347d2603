import {GET as live} from '@/app/api/health/live/route'
import {GET as ready} from '@/app/api/health/ready/route'
import {createOutageLog} from '@/lib/feedback/outage-log'
import {markDraining, markReady} from '@/lib/health/status.mjs'

const answer = async (response: Response) => ({
  status: response.status,
  body: await response.json(),
  cache: response.headers.get('cache-control'),
})

describe('health endpoints', () => {
  it('follow an instance from start through an outage to shutdown', async () => {
    expect(await answer(live())).toEqual({status: 200, body: {status: 'live'}, cache: 'no-store'})
    expect(await answer(ready())).toEqual({status: 503, body: {status: 'starting'}, cache: 'no-store'})

    markReady()
    expect(await answer(ready())).toMatchObject({status: 200, body: {status: 'ready'}})

    // A dependency pages can do without: still ready, shown as degraded, and ready again after.
    const quiet = {error: () => {}, info: () => {}}
    const database = createOutageLog('feedback database', quiet)
    database.failed(new Error('connection refused'))
    expect(await answer(ready())).toMatchObject({status: 200, body: {status: 'degraded'}})
    database.recovered()
    expect(await answer(ready())).toMatchObject({status: 200, body: {status: 'ready'}})

    markDraining()
    expect(await answer(ready())).toMatchObject({status: 503, body: {status: 'draining'}})
    markReady()
    expect(await answer(ready())).toMatchObject({status: 503, body: {status: 'draining'}})
    expect(await answer(live())).toMatchObject({status: 200})
  })
})
