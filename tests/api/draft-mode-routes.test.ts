import {readDataset} from '@/lib/content/dataset'

import {startContentLake, type ContentLake} from '@/tests/e2e/support/content-lake'
import {log as logger} from '@/lib/observability/log.mjs'

const SANITY_ENV = [
  'NEXT_PUBLIC_SANITY_PROJECT_ID',
  'NEXT_PUBLIC_SANITY_DATASET',
  'SANITY_API_READ_TOKEN',
  'SANITY_API_HOST',
]

/** The route modules read the Sanity settings when they load: load them fresh for each env. */
async function routes(env: Record<string, string>) {
  for (const name of SANITY_ENV) delete process.env[name]
  Object.assign(process.env, env)
  jest.resetModules()
  return {
    enable: (await import('@/app/api/draft-mode/enable/route')).GET,
    disable: (await import('@/app/api/draft-mode/disable/route')).GET,
  }
}

const enableUrl = (query: string) => `http://localhost/api/draft-mode/enable${query}`

describe('the draft mode routes', () => {
  afterAll(() => {
    for (const name of SANITY_ENV) delete process.env[name]
  })

  it('answer 404 with a reason on the embedded dataset, where there is nothing to preview', async () => {
    const {enable, disable} = await routes({})
    for (const response of [
      await enable(new Request(enableUrl('?sanity-preview-secret=anything'))),
      await disable(new Request('http://localhost/api/draft-mode/disable')),
    ]) {
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({error: expect.stringMatching(/nothing to preview/)})
    }
  })

  it('refuse to enable draft mode without a read token, and say so in the log', async () => {
    const {enable} = await routes({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'testproject',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
    })
    const log = jest.spyOn(logger, 'error').mockImplementation(() => {})
    const response = await enable(new Request(enableUrl('?sanity-preview-secret=anything')))
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({error: 'Preview is not set up on this server.'})
    expect(log).toHaveBeenCalledWith(expect.stringContaining('SANITY_API_READ_TOKEN is not set'))
    log.mockRestore()
  })

  describe('with a Sanity project (a local Content Lake stand-in)', () => {
    let lake: ContentLake

    beforeAll(async () => {
      const documents = await readDataset('tests/fixtures/minimal.ndjson')
      lake = await startContentLake({
        documents: [
          ...documents,
          {
            _id: 'sanity-preview-url-secret.test',
            _type: 'sanity.previewUrlSecret',
            _updatedAt: new Date().toISOString(),
            secret: 'the-real-secret',
            studioUrl: 'http://localhost/studio',
          },
        ],
      })
    })

    afterAll(() => lake.stop())

    const configured = () =>
      routes({
        NEXT_PUBLIC_SANITY_PROJECT_ID: 'testproject',
        NEXT_PUBLIC_SANITY_DATASET: 'production',
        SANITY_API_READ_TOKEN: 'test-read-token',
        SANITY_API_HOST: lake.url,
      })

    it('rejects a wrong secret after checking it against the Content Lake with the read token', async () => {
      const {enable} = await configured()
      const before = lake.received.length
      const response = await enable(
        new Request(enableUrl('?sanity-preview-secret=guessed&sanity-preview-pathname=/')),
      )
      expect(response.status).toBe(401)
      expect(response.headers.get('set-cookie')).toBeNull()
      const [check] = lake.received.slice(before)
      expect(check).toMatchObject({
        params: {secret: 'guessed'},
        perspective: 'raw',
        authorization: 'Bearer test-read-token',
      })
      expect(check.query).toContain('sanity.previewUrlSecret')
    })

    it('rejects a request without a secret, without asking the Content Lake', async () => {
      const {enable} = await configured()
      const before = lake.received.length
      const response = await enable(new Request(enableUrl('?sanity-preview-pathname=/glossary/alpha')))
      expect(response.status).toBe(401)
      expect(lake.received.length).toBe(before)
    })
  })
})
