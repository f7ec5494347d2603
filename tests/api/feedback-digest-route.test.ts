/**
 * GET /api/feedback/digest: the weekly digest from the running site (which owns an embedded
 * database), over real votes and missed searches in a real PGlite folder and the embedded dataset;
 * and `npm run feedback:digest` asking it, as a separate process.
 */
import {execFile} from 'node:child_process'
import type {AddressInfo} from 'node:net'

import {POST} from '@/app/api/feedback/route'
import {GET} from '@/app/api/feedback/digest/route'
import type {FeedbackDigest} from '@/lib/feedback/digest'
import {recordSearchMiss} from '@/lib/feedback/server'

import {jsonVote} from '@/tests/support/feedback-requests'
import {serveRoute} from '@/tests/support/serve-route'
import {throwawayFeedbackFolder} from '@/tests/support/feedback-state'

jest.setTimeout(60_000)

const TOKEN = 'digest-test-token'
const folder = throwawayFeedbackFolder('feedback-digest-route')

function digestCommand(args: string[], env: Record<string, string>) {
  // Jest's own NODE_OPTIONS (VM modules) is not for the script.
  const inherited = {...process.env, NODE_OPTIONS: ''}
  return new Promise<{code: number; stdout: string; stderr: string}>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'feedback:digest', '--', ...args],
      {env: {...inherited, FEEDBACK_DATA_DIR: folder, ...env}, cwd: process.cwd()},
      (error, stdout, stderr) => resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
    )
  })
}

const digestRequest = (query: string, token: string | null = TOKEN) =>
  new Request(`http://localhost/api/feedback/digest${query}`, {
    headers: token ? {authorization: `Bearer ${token}`} : {},
  })

beforeAll(async () => {
  process.env.FEEDBACK_ADMIN_TOKEN = TOKEN
  // Four readers report Backlink wrong: a Needs review flag new this week.
  for (let reader = 1; reader <= 4; reader++) {
    const response = await POST(
      jsonVote({term: 'backlink', vote: 'no', reason: 'incorrect-or-outdated'}, {from: `198.18.4.${reader}`}),
    )
    expect(response.status).toBe(200)
  }
  await recordSearchMiss('topical authority', new Headers({'x-forwarded-for': '198.18.4.9'}))
})
afterAll(() => delete process.env.FEEDBACK_ADMIN_TOKEN)

describe('GET /api/feedback/digest', () => {
  it('answers the week’s digest as JSON, never cached', async () => {
    const response = await GET(digestRequest(''))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const digest = (await response.json()) as FeedbackDigest
    const days = (Date.parse(digest.until) - Date.parse(digest.since)) / 86_400_000
    expect(days).toBe(7)
    expect(digest.searchMisses).toEqual([expect.objectContaining({query: 'topical authority', count: 1})])
    expect(digest.needsReview).toContainEqual(
      expect.objectContaining({
        termId: 'term-backlink',
        studioUrl: 'http://localhost:3000/studio/intent/edit/id=term-backlink;type=term',
        causes: [expect.objectContaining({kind: 'reported-incorrect'})],
      }),
    )
  })

  it('takes the window from ?since=', async () => {
    const digest = (await (await GET(digestRequest('?since=36h'))).json()) as FeedbackDigest
    expect((Date.parse(digest.until) - Date.parse(digest.since)) / 3_600_000).toBe(36)
  })

  it.each([
    ['minutes', '7m'],
    ['zero days', '0d'],
    ['10,000 weeks', '10000w'],
    ['5,000 characters', 'x'.repeat(5000)],
    ['nothing', ''],
  ])('refuses since of %s with a 400 that does not echo it', async (_, since) => {
    const response = await GET(digestRequest(`?since=${since}`))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'since must be 1 to 9999 hours, days or weeks, written like 36h, 7d or 2w.',
    })
  })

  it('answers 401 without the admin token, or with a wrong one', async () => {
    const none = await GET(digestRequest('', null))
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer')
    expect(await none.json()).toEqual({
      error: 'The feedback digest needs the admin token: send Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>.',
    })
    const wrong = await GET(digestRequest('', 'not-the-token'))
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({error: 'Wrong admin token.'})
  })

  it('is what npm run feedback:digest prints while the site owns the database', async () => {
    const server = await serveRoute(GET)
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      // This process holds the database folder's lock: the command can only have asked the site.
      const {code, stdout} = await digestCommand(['--since', '2d'], {
        FEEDBACK_REPORT_URL: url,
        FEEDBACK_ADMIN_TOKEN: TOKEN,
      })
      expect(code).toBe(0)
      expect(stdout).toMatch(/^Feedback digest for \S+ \S+ UTC to \S+ \S+ UTC\n/)
      expect(stdout).toContain('  "topical authority": 1 time, first seen ')
      expect(stdout).toContain('    - 4 readers reported this revision incorrect or outdated')

      const refused = await digestCommand([], {FEEDBACK_REPORT_URL: url, FEEDBACK_ADMIN_TOKEN: 'wrong'})
      expect(refused.code).toBe(1)
      expect(refused.stderr.trim()).toBe(
        `feedback:digest: ${url}/api/feedback/digest?since=7d answered 401: Wrong admin token.`,
      )
    } finally {
      server.close()
    }
  })
})
