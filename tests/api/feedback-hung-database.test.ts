/**
 * A PostgreSQL that accepts connections and never answers: every feedback call gives up within its
 * time limit with a 503 and Retry-After, instead of holding the request open.
 */
import {createServer, type Server, type Socket} from 'node:net'

import {POST} from '@/app/api/feedback/route'
import {GET} from '@/app/api/feedback/summary/route'
import {closeFeedbackDatabase} from '@/lib/feedback/server'

import {jsonVote, summaryRequest} from '@/tests/support/feedback-requests'

jest.setTimeout(60_000)

const TOKEN = 'hung-database-token'
let silent: Server
const sockets: Socket[] = []
let logged: jest.SpyInstance

beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket))
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  const {port} = silent.address() as {port: number}
  process.env.DATABASE_URL = `postgres://feedback@127.0.0.1:${port}/feedback`
  process.env.FEEDBACK_ADMIN_TOKEN = TOKEN
  logged = jest.spyOn(console, 'error').mockImplementation(() => {})
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  silent.close()
  logged.mockRestore()
  await closeFeedbackDatabase()
  delete process.env.DATABASE_URL
  delete process.env.FEEDBACK_ADMIN_TOKEN
})

it.each([
  ['a vote', () => POST(jsonVote({term: 'backlink', vote: 'yes'}))],
  ['the summary', () => GET(summaryRequest({token: TOKEN}))],
])('answers %s with 503 and Retry-After within the time limit', async (_, send) => {
  const began = Date.now()
  const response = await send()
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe('30')
  expect(Date.now() - began).toBeLessThan(8000)
  expect(sockets.length).toBeGreaterThan(0)
})
