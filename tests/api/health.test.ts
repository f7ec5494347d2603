import {GET as live} from '@/app/api/health/live/route'
import {GET as ready} from '@/app/api/health/ready/route'
import {createOutageLog} from '@/lib/health/outage-log.mjs'
import {markDraining, markReady} from '@/lib/health/status.mjs'

const request = (headers: HeadersInit = {}) => new Request('http://localhost/api/health/ready', {headers})

const answer = async (response: Response) => ({
  status: response.status,
  body: await response.json(),
  cache: response.headers.get('cache-control'),
})

describe('health endpoints', () => {
  it('follow an instance from start through an outage to shutdown', async () => {
    expect(await answer(live())).toEqual({status: 200, body: {status: 'live'}, cache: 'no-store'})
    expect(await answer(ready(request()))).toEqual({
      status: 503,
      body: {status: 'starting'},
      cache: 'no-store',
    })

    markReady()
    expect(await answer(ready(request()))).toMatchObject({status: 200, body: {status: 'ready'}})

    // A dependency pages can do without: still ready, shown as degraded, and ready again after.
    const quiet = {error: () => {}, info: () => {}}
    const database = createOutageLog('feedback database', quiet)
    database.failed(new Error('connection refused'))
    expect(await answer(ready(request()))).toMatchObject({status: 200, body: {status: 'degraded'}})
    database.recovered()
    expect(await answer(ready(request()))).toMatchObject({status: 200, body: {status: 'ready'}})

    markDraining()
    expect(await answer(ready(request()))).toMatchObject({status: 503, body: {status: 'draining'}})
    markReady()
    expect(await answer(ready(request()))).toMatchObject({status: 503, body: {status: 'draining'}})
    expect(await answer(live())).toMatchObject({status: 200})
  })

  describe('with METRICS_TOKEN set', () => {
    beforeEach(() => (process.env.METRICS_TOKEN = 'ops-token'))
    afterEach(() => delete process.env.METRICS_TOKEN)

    it('tell the token holder which dependency is down, and everyone else only the status', async () => {
      const quiet = {error: () => {}, info: () => {}}
      const cache = createOutageLog('shared cache', quiet)
      cache.failed(new Error('connect ECONNREFUSED'))

      const detailed = await answer(ready(request({Authorization: 'Bearer ops-token'})))
      expect(detailed.body.dependencies).toMatchObject({'shared cache': 'down'})
      for (const headers of [
        {},
        {Authorization: 'Bearer wrong'},
        {Authorization: 'ops-token'},
      ] as HeadersInit[]) {
        const plain = await answer(ready(request(headers)))
        expect(Object.keys(plain.body)).toEqual(['status'])
      }
      cache.recovered()
      const after = await answer(ready(request({Authorization: 'Bearer ops-token'})))
      expect(after.body.dependencies).toMatchObject({'shared cache': 'up'})
    })
  })
})
