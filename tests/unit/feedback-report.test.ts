/**
 * `npm run feedback:report` as a separate process: through a running site when one answers,
 * else through the database folder's lock, which it must not take from a live owner.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'

import {POST} from '@/app/api/feedback/route'
import {GET} from '@/app/api/feedback/summary/route'
import {LOCK_FILE} from '@/lib/feedback/data-lock'
import {closeFeedbackDatabase, openFeedbackDatabase, recordSearchMiss} from '@/lib/feedback/server'

import {jsonVote} from '@/tests/support/feedback-requests'
import {serveRoute} from '@/tests/support/serve-route'

jest.setTimeout(120_000)

const TOKEN = 'report-test-token'
const folder = mkdtempSync(path.join(os.tmpdir(), 'feedback-report-'))
/** An address where nothing listens, for the runs that find no site. */
const NO_SITE = 'http://127.0.0.1:9'

function report(
  args: string[],
  env: Record<string, string>,
): Promise<{code: number; stdout: string; stderr: string}> {
  // Jest's own NODE_OPTIONS (VM modules) is not for the script.
  const inherited = {...process.env, NODE_OPTIONS: ''}
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'feedback:report', '--', ...args],
      {env: {...inherited, FEEDBACK_DATA_DIR: folder, ...env}, cwd: process.cwd()},
      (error, stdout, stderr) => resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
    )
  })
}

beforeAll(async () => {
  process.env.FEEDBACK_DATA_DIR = folder
  process.env.FEEDBACK_ADMIN_TOKEN = TOKEN
  await openFeedbackDatabase()
  const votes = [
    {term: 'backlink', vote: 'yes', reason: 'clear'},
    {term: 'backlink', vote: 'no', reason: 'hard-to-understand', comment: 'Lost me at link equity.'},
    {term: 'anchor-text', vote: 'no', reason: 'incorrect-or-outdated'},
    // Escape sequences that would retitle, clear or recolour the operator's terminal.
    {term: 'serp', vote: 'yes', comment: 'Clear\u001b]0;owned\u0007\u001b[2J\u009b31m enough\r\nsecond line'},
  ]
  for (const [i, fields] of votes.entries()) {
    expect((await POST(jsonVote(fields, {from: `198.19.0.${i}`}))).status).toBe(200)
  }
  expect(await recordSearchMiss('seo\u001b tool\u0007', new Headers({'x-forwarded-for': '198.19.1.1'}))).toBe(
    true,
  )
})

afterAll(async () => {
  await closeFeedbackDatabase()
  rmSync(folder, {recursive: true, force: true})
  delete process.env.FEEDBACK_DATA_DIR
  delete process.env.FEEDBACK_ADMIN_TOKEN
})

describe('npm run feedback:report', () => {
  it('asks the running site and prints a table, lowest helpful share first', async () => {
    const server = await serveRoute(GET)
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const {code, stdout} = await report([], {FEEDBACK_REPORT_URL: url, FEEDBACK_ADMIN_TOKEN: TOKEN})
      expect(code).toBe(0)
      expect(stdout).toContain(`Feedback from ${url}/api/feedback/summary`)
      const lines = stdout.split('\n')
      const header = lines.findIndex((line) => line.startsWith('Term'))
      expect(lines[header]).toMatch(/^Term\s+Votes\s+Yes\s+No\s+Helpful\s+Since last edit\s+Reasons$/)
      expect(lines[header + 1]).toMatch(
        /^Anchor Text\s+1\s+0\s+1\s+0%\s+1 \(0%\)\s+Incorrect or outdated ×1$/,
      )
      expect(lines[header + 2]).toMatch(
        /^Backlink\s+2\s+1\s+1\s+50%\s+2 \(50%\)\s+(Clear explanation ×1, Hard to understand ×1)$/,
      )
    } finally {
      server.close()
    }
  })

  it('shows the comments with the admin token, and prints CSV with --csv', async () => {
    const server = await serveRoute(GET)
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const table = await report([], {FEEDBACK_REPORT_URL: url, FEEDBACK_ADMIN_TOKEN: TOKEN})
      expect(table.stdout).toContain('Comments on Backlink:\n  [no] Lost me at link equity.')
      // What readers typed reaches the terminal as text: no control character is stored or printed.
      expect(table.stdout).toContain('Comments on SERP:\n  [yes] Clear]0;owned[2J31m enough\\x0asecond line')
      expect(table.stdout).toContain('seo tool ×1')
      expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
      const csv = await report(['--csv'], {FEEDBACK_REPORT_URL: url, FEEDBACK_ADMIN_TOKEN: TOKEN})
      expect(csv.code).toBe(0)
      expect(csv.stdout.split('\r\n')[0]).toMatch(/^term_id,slug,title,yes,no,total,helpful_percent,/)
      expect(csv.stdout).toContain('\r\nterm-backlink,backlink,Backlink,1,1,2,50,')
    } finally {
      server.close()
    }
  })

  it('says the site wants the admin token when none is set', async () => {
    const server = await serveRoute(GET)
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const {code, stdout, stderr} = await report([], {FEEDBACK_REPORT_URL: url, FEEDBACK_ADMIN_TOKEN: ''})
      expect(code).toBe(1)
      expect(stdout).not.toContain('Backlink')
      expect(stderr).toContain('answered 401: The feedback summary needs the admin token')
    } finally {
      server.close()
    }
  })

  it('stops with a clear message when no site answers and a live process owns the folder', async () => {
    const {code, stdout, stderr} = await report([], {FEEDBACK_REPORT_URL: NO_SITE})
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      `The feedback data folder ${folder} is in use by process ${process.pid} on ${os.hostname()}`,
    )
  })

  it('opens the database itself when no site answers and the folder is free, and lets go of it after', async () => {
    await closeFeedbackDatabase()
    const {code, stdout} = await report([], {FEEDBACK_REPORT_URL: NO_SITE})
    expect(code).toBe(0)
    expect(stdout).toContain('Feedback from the embedded database')
    expect(stdout).toMatch(/\nBacklink\s+2\s+1\s+1\s+50%/)
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(false)
  })
})
