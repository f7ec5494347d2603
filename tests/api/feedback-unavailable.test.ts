/**
 * When the database cannot be reached: clear 503s, one log line per outage rather than one per
 * request, and a server that still starts.
 */
import {POST} from '@/app/api/feedback/route'
import {GET} from '@/app/api/feedback/summary/route'
import {closeFeedbackDatabase, prepareFeedbackDatabase} from '@/lib/feedback/server'

import {jsonVote, summaryRequest} from '@/tests/support/feedback-requests'
import {log as logger} from '@/lib/observability/log.mjs'

jest.setTimeout(60_000)

let logged: jest.SpyInstance

beforeAll(() => {
  // Nothing listens on port 9 (discard) here: connections are refused at once.
  process.env.DATABASE_URL = 'postgres://feedback@127.0.0.1:9/feedback'
  process.env.FEEDBACK_ADMIN_TOKEN = 'outage-token'
  logged = jest.spyOn(logger, 'error').mockImplementation(() => {})
})

afterAll(async () => {
  logged.mockRestore()
  await closeFeedbackDatabase()
  delete process.env.DATABASE_URL
  delete process.env.FEEDBACK_ADMIN_TOKEN
})

it('lets the server start, logging the outage once', async () => {
  await expect(prepareFeedbackDatabase()).resolves.toBeUndefined()
  expect(logged).toHaveBeenCalledTimes(1)
  expect(logged.mock.calls[0]).toEqual([
    {dependency: 'feedback database', reason: expect.stringMatching(/ECONNREFUSED/)},
    'feedback database unavailable',
  ])
})

it('answers a vote with 503 and a JSON error, logging nothing more while the outage lasts', async () => {
  for (let i = 0; i < 3; i++) {
    const response = await POST(jsonVote({term: 'backlink', vote: 'yes'}))
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    await expect(response.json()).resolves.toEqual({
      error: 'Feedback cannot be saved right now. Please try again later.',
    })
  }
  expect(logged).toHaveBeenCalledTimes(1)
})

it('answers the summary with 503 too', async () => {
  const response = await GET(summaryRequest({token: 'outage-token'}))
  expect(response.status).toBe(503)
  await expect(response.json()).resolves.toEqual({
    error: 'Feedback cannot be read right now. Please try again later.',
  })
})

it('still checks the request before the database: a bad vote gets its own answer', async () => {
  expect((await POST(jsonVote({term: 'backlink', vote: 'maybe'}))).status).toBe(422)
  expect((await POST(jsonVote({term: 'no-such-term', vote: 'yes'}))).status).toBe(404)
})

it('stops start-up on a malformed rate limit instead of failing every vote', async () => {
  process.env.FEEDBACK_RATE_LIMIT = 'lots'
  try {
    await expect(prepareFeedbackDatabase()).rejects.toThrow(
      'FEEDBACK_RATE_LIMIT "lots" must be a whole number of writes per minute, 1 or more.',
    )
  } finally {
    delete process.env.FEEDBACK_RATE_LIMIT
  }
})
