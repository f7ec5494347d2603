/**
 * The whole path on PostgreSQL (DATABASE_URL): a vote through the route handler, the summary,
 * and `npm run feedback:report` reading the same database. Runs when TEST_DATABASE_URL names a
 * server (`npm run test:postgres`, as CI does); says it was skipped otherwise.
 */
import {execFile} from 'node:child_process'
import {randomBytes} from 'node:crypto'

import {POST} from '@/app/api/feedback/route'
import {GET} from '@/app/api/feedback/summary/route'
import {closeFeedbackDatabase, openFeedbackDatabase} from '@/lib/feedback/server'
import type {FeedbackSummary} from '@/lib/feedback/summary'

import {adminQuery} from '@/tests/support/feedback-databases'
import {jsonVote, summaryRequest} from '@/tests/support/feedback-requests'

jest.setTimeout(120_000)

const adminUrl = process.env.TEST_DATABASE_URL
const ADMIN_TOKEN = 'postgres-admin-token'
const skipReason = 'TEST_DATABASE_URL is not set, so there is no PostgreSQL server to test against'

if (!adminUrl) {
  console.warn(`Skipping the feedback API tests on PostgreSQL: ${skipReason}.`)
  describe.skip(`feedback API on PostgreSQL (skipped: ${skipReason})`, () => {
    it('stores votes and reports them', () => {})
  })
} else {
  describe('feedback API on PostgreSQL', () => {
    const name = `feedback_api_${randomBytes(6).toString('hex')}`
    const databaseUrl = Object.assign(new URL(adminUrl), {pathname: `/${name}`}).toString()

    beforeAll(async () => {
      await adminQuery(adminUrl, `CREATE DATABASE ${name}`)
      process.env.DATABASE_URL = databaseUrl
      process.env.FEEDBACK_ADMIN_TOKEN = ADMIN_TOKEN
      await openFeedbackDatabase()
    })

    afterAll(async () => {
      await closeFeedbackDatabase()
      delete process.env.DATABASE_URL
      delete process.env.FEEDBACK_ADMIN_TOKEN
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    })

    it('stores a vote and its follow-up as one answer, and shows it in the summary', async () => {
      const store = await openFeedbackDatabase()
      expect(store.kind).toBe('postgres')
      expect((await POST(jsonVote({term: 'backlink', vote: 'no'}))).status).toBe(200)
      const followUp = await POST(jsonVote({term: 'backlink', vote: 'no', reason: 'missing-information'}))
      expect(followUp.status).toBe(200)
      const summary: FeedbackSummary = await (await GET(summaryRequest({token: ADMIN_TOKEN}))).json()
      expect(summary.terms).toEqual([
        expect.objectContaining({
          slug: 'backlink',
          allRevisions: {yes: 0, no: 1, total: 1, helpfulPercent: 0},
          reasons: [{vote: 'no', reason: 'missing-information', label: 'Missing what I needed', count: 1}],
        }),
      ])
    })

    it('is read by feedback:report when no site answers', async () => {
      const output = await new Promise<string>((resolve, reject) =>
        execFile(
          'npm',
          ['run', '--silent', 'feedback:report'],
          {env: {...process.env, NODE_OPTIONS: '', FEEDBACK_REPORT_URL: 'http://127.0.0.1:9'}},
          (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
        ),
      )
      expect(output).toContain('Feedback from the PostgreSQL database')
      expect(output).toMatch(/\nBacklink\s+1\s+0\s+1\s+0%\s+1 \(0%\)\s+Missing what I needed ×1/)
    })
  })
}
