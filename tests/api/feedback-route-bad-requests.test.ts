/**
 * POST /api/feedback against the real embedded dataset and a real PGlite folder: every bad request,
 * with the status, the JSON error and a database it left as it was.
 */
import {DELETE, GET, OPTIONS, PATCH, POST, PUT} from '@/app/api/feedback/route'

import {awayFromMinuteBoundary} from '@/tests/support/rate-window'
import {feedbackRequest, jsonVote} from '@/tests/support/feedback-requests'
import {storedState, votesFor, throwawayFeedbackFolder} from '@/tests/support/feedback-state'

jest.setTimeout(60_000)

throwawayFeedbackFolder('feedback-route')

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
