/**
 * The bad-input sweep for the route handlers that take input: each malformed request gets a 4xx
 * JSON error with no stack trace, and nothing is written (no vote stored, no cache revalidated).
 */
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {revalidateTag} from 'next/cache'
import {NextRequest} from 'next/server'

import * as feedbackRoute from '@/app/api/feedback/route'
import * as summaryRoute from '@/app/api/feedback/summary/route'
import * as revalidateRoute from '@/app/api/revalidate/route'
import * as searchRoute from '@/app/api/search/route'
import {closeFeedbackDatabase, openFeedbackDatabase} from '@/lib/feedback/server'

import {webhookHeaders} from '@/tests/e2e/support/webhook'
import {feedbackRequest} from '@/tests/support/feedback-requests'
import {BROKEN_UNICODE, expectCleanError} from './support/clean-error'

jest.mock('next/cache', () => ({revalidateTag: jest.fn()}))
jest.setTimeout(60_000)

const folder = mkdtempSync(path.join(os.tmpdir(), 'bad-input-'))
const SECRET = 'sweep-webhook-secret'

beforeAll(async () => {
  process.env.FEEDBACK_DATA_DIR = folder
  process.env.SANITY_REVALIDATE_SECRET = SECRET
  process.env.FEEDBACK_ADMIN_TOKEN = 'sweep-admin-token'
  await openFeedbackDatabase()
})

afterAll(async () => {
  await closeFeedbackDatabase()
  rmSync(folder, {recursive: true, force: true})
  delete process.env.FEEDBACK_DATA_DIR
  delete process.env.SANITY_REVALIDATE_SECRET
  delete process.env.FEEDBACK_ADMIN_TOKEN
})

const json = (value: unknown) => ({body: JSON.stringify(value), contentType: 'application/json'})

describe('bad-input sweep: POST /api/feedback', () => {
  const cases: {name: string; request: () => Request; status: number}[] = [
    {name: 'GET', request: () => feedbackRequest({method: 'GET'}), status: 405},
    {
      name: 'PUT',
      request: () => feedbackRequest({method: 'PUT', ...json({term: 'backlink', vote: 'yes'})}),
      status: 405,
    },
    {name: 'DELETE', request: () => feedbackRequest({method: 'DELETE'}), status: 405},
    {
      name: 'no content type',
      request: () => feedbackRequest({body: '{"term":"backlink","vote":"yes"}'}),
      status: 415,
    },
    {
      name: 'text/plain',
      request: () => feedbackRequest({body: 'yes', contentType: 'text/plain'}),
      status: 415,
    },
    {
      name: 'XML',
      request: () => feedbackRequest({body: '<vote/>', contentType: 'application/xml'}),
      status: 415,
    },
    {
      name: 'invalid JSON',
      request: () => feedbackRequest({body: '{"term": ', contentType: 'application/json'}),
      status: 400,
    },
    {
      name: 'empty JSON body',
      request: () => feedbackRequest({body: '', contentType: 'application/json'}),
      status: 400,
    },
    {
      name: 'JSON array',
      request: () => feedbackRequest(json([{term: 'backlink', vote: 'yes'}])),
      status: 400,
    },
    {name: 'JSON null', request: () => feedbackRequest(json(null)), status: 400},
    {
      name: 'oversized body',
      request: () => feedbackRequest(json({term: 'backlink', vote: 'yes', comment: 'x'.repeat(9000)})),
      status: 413,
    },
    {
      name: 'vote of the wrong type',
      request: () => feedbackRequest(json({term: 'backlink', vote: true})),
      status: 422,
    },
    {
      name: 'unknown vote',
      request: () => feedbackRequest(json({term: 'backlink', vote: 'maybe'})),
      status: 422,
    },
    {
      name: 'term of the wrong type',
      request: () => feedbackRequest(json({term: 42, vote: 'yes'})),
      status: 422,
    },
    {name: 'missing term', request: () => feedbackRequest(json({vote: 'yes'})), status: 422},
    {
      name: 'unknown term',
      request: () => feedbackRequest(json({term: 'no-such-term', vote: 'yes'})),
      status: 404,
    },
    {
      name: 'SQL injection as term',
      request: () => feedbackRequest(json({term: "x'); DROP TABLE votes;--", vote: 'yes'})),
      status: 404,
    },
    {
      name: 'GROQ injection as term',
      request: () => feedbackRequest(json({term: '"] | *[_type=="author', vote: 'yes'})),
      status: 404,
    },
    {
      name: 'reason of the other vote',
      request: () => feedbackRequest(json({term: 'backlink', vote: 'yes', reason: 'incorrect'})),
      status: 422,
    },
    {
      name: 'comment too long',
      request: () => feedbackRequest(json({term: 'backlink', vote: 'no', comment: 'x'.repeat(501)})),
      status: 422,
    },
    {
      name: '__proto__ key',
      request: () =>
        feedbackRequest({
          body: '{"__proto__": {"vote": "yes"}, "term": "backlink"}',
          contentType: 'application/json',
        }),
      status: 422,
    },
    {
      name: 'constructor key',
      request: () => feedbackRequest(json({constructor: {prototype: {admin: true}}, term: 'backlink'})),
      status: 422,
    },
    {
      name: 'very long term',
      request: () => feedbackRequest(json({term: 'a'.repeat(5000), vote: 'yes'})),
      status: 422,
    },
    {
      name: 'broken unicode term',
      request: () => feedbackRequest(json({term: BROKEN_UNICODE, vote: 'yes'})),
      status: 404,
    },
    {
      name: 'cross-site origin',
      request: () =>
        feedbackRequest({
          ...json({term: 'backlink', vote: 'yes'}),
          headers: {origin: 'https://evil.example'},
        }),
      status: 403,
    },
  ]

  it.each(cases)('$name → $status, nothing stored', async ({request, status}) => {
    const store = await openFeedbackDatabase()
    const before = await store.voteCounts()
    const method = request().method as keyof typeof feedbackRoute
    const handler = feedbackRoute[method] as (request: Request) => Promise<Response>
    await expectCleanError(await handler(request()), status)
    expect(await store.voteCounts()).toEqual(before)
  })

  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20))
})

describe('bad-input sweep: GET /api/search and GET /api/feedback/summary', () => {
  const search = (q: string) =>
    searchRoute.GET(new Request(`http://localhost/api/search?q=${encodeURIComponent(q)}`))
  it.each([
    ['an empty query', ''],
    ['a query over 100 characters', 'a'.repeat(101)],
    ['a 10,000-character query', 'x'.repeat(10_000)],
  ])('search: %s → 400', async (_, q) => {
    await expectCleanError(await search(q), 400)
  })

  it('search: no q at all → 400', async () => {
    await expectCleanError(await searchRoute.GET(new Request('http://localhost/api/search')), 400)
  })

  it.each(['wrong-token', '', 'sweep-admin-tokenX', "' OR 1=1 --"])(
    'summary: token %p → 401',
    async (token) => {
      const response = await summaryRoute.GET(
        new Request('http://localhost/api/feedback/summary', {headers: {authorization: `Bearer ${token}`}}),
      )
      await expectCleanError(response, 401)
    },
  )
})

describe('bad-input sweep: POST /api/revalidate', () => {
  beforeEach(() => (revalidateTag as jest.Mock).mockClear())

  const post = async (body: string, headers: Record<string, string>) =>
    revalidateRoute.POST(new NextRequest('http://localhost/api/revalidate', {method: 'POST', headers, body}))

  it.each([
    ['no signature', {}],
    ['a garbage signature', {'sanity-webhook-signature': 'garbage'}],
    ['a signature with another secret', 'other'],
    ['a replayed (stale) signature', 'stale'],
  ] as const)('%s → 401, nothing revalidated', async (_, how) => {
    const body = JSON.stringify({_id: 'term-backlink', _type: 'term', slug: 'backlink'})
    const headers =
      how === 'other'
        ? await webhookHeaders(body, 'not-the-secret', Date.now())
        : how === 'stale'
          ? await webhookHeaders(body, SECRET, Date.now() - 10 * 60 * 1000)
          : how
    await expectCleanError(await post(body, headers as Record<string, string>), 401)
    expect(revalidateTag).not.toHaveBeenCalled()
  })
})
