/**
 * POST /api/feedback against the real embedded dataset and a real PGlite folder: every good and
 * bad request, with the status, the JSON error and what ended up in the database.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {DELETE, GET, OPTIONS, PATCH, POST, PUT} from '@/app/api/feedback/route'
import {getTermRevision} from '@/lib/content'
import {openPgliteDriver} from '@/lib/feedback/pglite-driver'
import {closeFeedbackDatabase, openFeedbackDatabase} from '@/lib/feedback/server'

import {awayFromMinuteBoundary} from '@/tests/support/rate-window'
import {SITE, feedbackRequest, formVote, jsonVote} from '@/tests/support/feedback-requests'

jest.setTimeout(60_000)

const folder = mkdtempSync(path.join(os.tmpdir(), 'feedback-route-'))

beforeAll(async () => {
  process.env.FEEDBACK_DATA_DIR = folder
  await openFeedbackDatabase()
})

afterAll(async () => {
  await closeFeedbackDatabase()
  rmSync(folder, {recursive: true, force: true})
  delete process.env.FEEDBACK_DATA_DIR
})

async function storedState() {
  const store = await openFeedbackDatabase()
  return {votes: await store.voteCounts(), comments: await store.comments(1000)}
}

async function votesFor(termId: string) {
  return (await storedState()).votes.filter((row) => row.termId === termId)
}

/** Sends a bad request and checks its status, its JSON error, and that the database did not change. */
async function expectRefused(request: Request, status: number, error: RegExp) {
  const before = await storedState()
  const response = await POST(request)
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = await response.json()
  expect(body.error).toMatch(error)
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/)
  expect(await storedState()).toEqual(before)
  return response
}

describe('POST /api/feedback: votes that are stored', () => {
  it('stores a JSON vote with the term id and the term’s current revision', async () => {
    const response = await POST(jsonVote({term: 'term-backlink', vote: 'yes'}, {from: '192.0.2.10'}))
    expect(response.status).toBe(200)
    await expect(response.json()).resolves.toEqual({stored: true, termId: 'term-backlink', vote: 'yes'})
    const {_rev} = (await getTermRevision('backlink'))!
    expect(await votesFor('term-backlink')).toEqual([
      {
        termId: 'term-backlink',
        termRev: _rev,
        vote: 'yes',
        reason: null,
        votes: 1,
        firstVoteAt: expect.any(String),
      },
    ])
  })

  it('finds the term by its slug as well as by its id', async () => {
    const response = await POST(jsonVote({term: 'anchor-text', vote: 'no'}, {from: '192.0.2.11'}))
    expect(response.status).toBe(200)
    await expect(response.json()).resolves.toMatchObject({termId: 'term-anchor-text'})
  })

  it('lets the reader add a reason and a comment, replacing their vote rather than adding one', async () => {
    const from = '192.0.2.12'
    await POST(jsonVote({term: 'term-link-building', vote: 'no'}, {from}))
    const response = await POST(
      jsonVote(
        {
          term: 'term-link-building',
          vote: 'no',
          reason: 'missing-information',
          comment: ' Needs an example. ',
          section: 'why-it-matters',
        },
        {from},
      ),
    )
    expect(response.status).toBe(200)
    expect(await votesFor('term-link-building')).toEqual([
      expect.objectContaining({vote: 'no', reason: 'missing-information', votes: 1}),
    ])
    const {comments} = await storedState()
    expect(comments.find((c) => c.termId === 'term-link-building')?.comment).toBe('Needs an example.')
  })

  it('sends a plain form post back to the term page’s thank-you note', async () => {
    const response = await POST(
      formVote(
        {term: 'term-nofollow-link', returnTo: '/glossary/nofollow-link', vote: 'yes'},
        {from: '192.0.2.13'},
      ),
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/glossary/nofollow-link#feedback-thanks')
    expect(await votesFor('term-nofollow-link')).toEqual([expect.objectContaining({vote: 'yes', votes: 1})])
  })

  it('sends a form post without returnTo back to the term’s own page', async () => {
    const response = await POST(formVote({term: 'term-link-equity', vote: 'no'}, {from: '192.0.2.14'}))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/glossary/link-equity#feedback-thanks')
  })

  it('accepts a multipart form post', async () => {
    const form = new FormData()
    form.set('term', 'term-domain-authority')
    form.set('vote', 'yes')
    const response = await POST(feedbackRequest({body: form, from: '192.0.2.15'}))
    expect(response.status).toBe(303)
    expect(await votesFor('term-domain-authority')).toEqual([expect.objectContaining({vote: 'yes'})])
  })

  it('accepts posts from the site’s own origin, the request’s own host, or with no Origin', async () => {
    for (const origin of [SITE, 'http://localhost:3000', 'https://localhost:3000']) {
      const response = await POST(
        jsonVote({term: 'backlink', vote: 'yes'}, {from: '192.0.2.16', headers: {origin}}),
      )
      expect(response.status).toBe(200)
    }
    const proxied = await POST(
      jsonVote(
        {term: 'backlink', vote: 'yes'},
        {
          from: '192.0.2.16',
          headers: {
            host: 'internal:3000',
            'x-forwarded-host': 'glossary.example',
            origin: 'https://glossary.example',
          },
        },
      ),
    )
    expect(proxied.status).toBe(200)
  })
})

describe('POST /api/feedback: bad requests get a clear JSON answer and store nothing', () => {
  const from = '192.0.2.50'

  it.each([
    ['malformed JSON', '{"term": "backlink", "vote": ', /not valid JSON/],
    ['a JSON array', '[1, 2]', /must be a JSON object/],
    ['JSON null', 'null', /must be a JSON object/],
    ['an empty body', '', /not valid JSON/],
  ])('400 for %s', (_, body, error) =>
    expectRefused(feedbackRequest({body, contentType: 'application/json', from}), 400, error),
  )

  it('400 for a body that is not UTF-8', () =>
    expectRefused(
      feedbackRequest({
        body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
        contentType: 'application/json',
        from,
      }),
      400,
      /not valid UTF-8/,
    ))

  it('400 for a multipart body that cannot be read', () =>
    expectRefused(
      feedbackRequest({body: 'not multipart at all', contentType: 'multipart/form-data; boundary=xyz', from}),
      400,
      /multipart form could not be read/,
    ))

  it('413 for a body whose Content-Length announces more than 8 KB, before reading it', () =>
    expectRefused(
      jsonVote({term: 'backlink', vote: 'yes'}, {from, headers: {'content-length': '9000'}}),
      413,
      /at most 8192 bytes/,
    ))

  it('413 for a body over 8 KB that does not announce its length', () => {
    const request = jsonVote({term: 'backlink', vote: 'yes', comment: 'x'.repeat(9000)}, {from})
    expect(request.headers.get('content-length')).toBeNull()
    return expectRefused(request, 413, /at most 8192 bytes/)
  })

  it('413 for a streamed body over 8 KB, which stops being read at the limit', async () => {
    const chunk = new TextEncoder().encode(`{"term":"backlink","vote":"yes","comment":"${'x'.repeat(1000)}`)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk)
        else controller.close()
      },
    })
    await expectRefused(
      feedbackRequest({body, contentType: 'application/json', from}),
      413,
      /at most 8192 bytes/,
    )
    expect(sent).toBeLessThan(20)
  })

  it.each([
    ['text/plain', 'text/plain', 'term=backlink&vote=yes'],
    ['application/xml', 'application/xml', '<vote/>'],
    ['no content type at all', null, new TextEncoder().encode('{"term":"backlink","vote":"yes"}')],
  ])('415 for %s', (_, contentType, body) =>
    expectRefused(feedbackRequest({body, contentType, from}), 415, /application\/json/),
  )

  it.each([
    ['GET', GET],
    ['PUT', PUT],
    ['PATCH', PATCH],
    ['DELETE', DELETE],
    ['OPTIONS', OPTIONS],
  ])('405 with an Allow header for %s', async (method, handler) => {
    const before = await storedState()
    const response = handler()
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    await expect(response.json()).resolves.toEqual({error: 'Send feedback with POST.'})
    expect(await storedState()).toEqual(before)
  })

  it('404 for a term that does not exist', () =>
    expectRefused(
      jsonVote({term: 'no-such-term', vote: 'yes'}, {from}),
      404,
      /no published term "no-such-term"/,
    ))

  it.each([
    ['no vote', {term: 'backlink'}, /vote: vote must be "yes" or "no"/],
    ['a vote that is neither yes nor no', {term: 'backlink', vote: 'maybe'}, /vote must be "yes" or "no"/],
    ['no term', {vote: 'yes'}, /term:/],
    ['an unknown reason', {term: 'backlink', vote: 'no', reason: 'too-long'}, /reason:/],
    [
      'a reason that belongs to the other vote',
      {term: 'backlink', vote: 'no', reason: 'clear'},
      /reason does not go with this vote/,
    ],
    [
      'a comment over 500 characters',
      {term: 'backlink', vote: 'yes', comment: 'x'.repeat(501)},
      /at most 500 characters/,
    ],
    ['a comment that is not text', {term: 'backlink', vote: 'yes', comment: 42}, /comment:/],
    [
      'a section that is not a section id',
      {term: 'backlink', vote: 'yes', section: '<script>'},
      /section must be a section id/,
    ],
    [
      'a returnTo on another site',
      {term: 'backlink', vote: 'yes', returnTo: '//evil.example/glossary/x'},
      /returnTo/,
    ],
    ['a returnTo outside the glossary', {term: 'backlink', vote: 'yes', returnTo: '/studio'}, /returnTo/],
    ['an unknown field', {term: 'backlink', vote: 'yes', rating: 5}, /rating/],
  ])('422 for %s', (_, fields, error) => expectRefused(jsonVote(fields, {from}), 422, error))

  it('422 lists each invalid field', async () => {
    const response = await POST(jsonVote({term: '', vote: 'maybe'}, {from}))
    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.issues.map((issue: {field: string}) => issue.field).sort()).toEqual(['term', 'vote'])
  })

  it.each([
    ['another site', 'https://evil.example'],
    ['a look-alike host', 'http://localhost:3000.evil.example'],
    ['an opaque origin', 'null'],
  ])('403 for a post whose Origin is %s', (_, origin) =>
    expectRefused(
      jsonVote({term: 'backlink', vote: 'yes'}, {from, headers: {origin}}),
      403,
      /this site’s own pages/,
    ),
  )

  it('429 with Retry-After once a reader has sent 20 answers in a minute', async () => {
    const reader = '192.0.2.99'
    await awayFromMinuteBoundary()
    for (let i = 0; i < 20; i++) {
      const response = await POST(
        jsonVote({term: 'term-internal-link', vote: i % 2 ? 'yes' : 'no'}, {from: reader}),
      )
      expect(response.status).toBe(200)
    }
    const response = await expectRefused(
      jsonVote({term: 'term-internal-link', vote: 'no'}, {from: reader}),
      429,
      /Too many answers/,
    )
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await votesFor('term-internal-link')).toEqual([expect.objectContaining({vote: 'yes', votes: 1})])
    // Another reader is not held back.
    expect(
      (await POST(jsonVote({term: 'term-internal-link', vote: 'no'}, {from: '192.0.2.100'}))).status,
    ).toBe(200)
  })
})

describe('what is kept about a reader', () => {
  it('is a salted hash: neither the address nor the user agent is anywhere in the database', async () => {
    const from = '203.0.113.77'
    const agent = 'DistinctAgent/1.0'
    const response = await POST(
      jsonVote({term: 'term-broken-link', vote: 'yes'}, {from, headers: {'user-agent': agent}}),
    )
    expect(response.status).toBe(200)

    await closeFeedbackDatabase()
    const driver = await openPgliteDriver(folder)
    try {
      const tables = await driver.query<{table_name: string}>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      )
      const everything = await Promise.all(
        tables.map(({table_name}) => driver.query(`SELECT * FROM ${table_name}`)),
      )
      const dump = JSON.stringify(everything)
      expect(dump).toContain('term-broken-link')
      expect(dump).not.toContain(from)
      expect(dump).not.toContain(agent)
    } finally {
      await driver.close()
    }
  })
})
