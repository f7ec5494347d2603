/**
 * POST /api/feedback against the real embedded dataset and a real PGlite folder: the good requests, with
 * the status and what ended up in the database, and what is kept about the reader who sent them.
 */
import {POST} from '@/app/api/feedback/route'
import {getTermRevision} from '@/lib/content'
import {openPgliteDriver} from '@/lib/feedback/pglite-driver'
import {closeFeedbackDatabase} from '@/lib/feedback/server'

import {SITE, feedbackRequest, formVote, jsonVote} from '@/tests/support/feedback-requests'
import {storedState, votesFor, throwawayFeedbackFolder} from '@/tests/support/feedback-state'

jest.setTimeout(60_000)

const folder = throwawayFeedbackFolder('feedback-route')

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
