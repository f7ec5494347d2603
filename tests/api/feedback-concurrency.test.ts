/**
 * Many votes at once through the real route handler into a real PGlite folder: nothing lost,
 * nothing counted twice. The rate limit is raised through its setting for the repeated votes.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {POST} from '@/app/api/feedback/route'
import {closeFeedbackDatabase, openFeedbackDatabase} from '@/lib/feedback/server'

import {jsonVote} from '@/tests/support/feedback-requests'

jest.setTimeout(120_000)

const folder = mkdtempSync(path.join(os.tmpdir(), 'feedback-concurrency-'))

beforeAll(async () => {
  process.env.FEEDBACK_DATA_DIR = folder
  process.env.FEEDBACK_RATE_LIMIT = '1000'
  process.env.FEEDBACK_ADDRESS_RATE_LIMIT = '1000'
  await openFeedbackDatabase()
})

afterAll(async () => {
  await closeFeedbackDatabase()
  rmSync(folder, {recursive: true, force: true})
  delete process.env.FEEDBACK_DATA_DIR
  delete process.env.FEEDBACK_RATE_LIMIT
  delete process.env.FEEDBACK_ADDRESS_RATE_LIMIT
})

async function votesFor(termId: string) {
  const rows = (await (await openFeedbackDatabase()).voteCounts()).filter((row) => row.termId === termId)
  return Object.fromEntries(rows.map((row) => [row.vote, row.votes]))
}

/** A distinct address for each of up to 65,536 readers. */
const address = (i: number) => `10.77.${i >> 8}.${i & 255}`

it('stores 1,000 votes from 1,000 readers sent in parallel, each exactly once', async () => {
  const responses = await Promise.all(
    Array.from({length: 1000}, (_, i) =>
      POST(jsonVote({term: 'backlink', vote: i < 600 ? 'yes' : 'no'}, {from: address(i)})),
    ),
  )
  expect(responses.map((response) => response.status)).toEqual(Array(1000).fill(200))
  expect(await votesFor('term-backlink')).toEqual({yes: 600, no: 400})
})

it('leaves exactly one row after 100 votes from one reader sent in parallel', async () => {
  const responses = await Promise.all(
    Array.from({length: 100}, (_, i) =>
      POST(jsonVote({term: 'anchor-text', vote: i % 2 ? 'yes' : 'no'}, {from: '10.88.0.1'})),
    ),
  )
  expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200))
  const votes = await votesFor('term-anchor-text')
  expect(Object.values(votes).reduce((sum, n) => sum + n, 0)).toBe(1)
})
