/**
 * GET /api/feedback/summary: the content team's figures from real votes in a real PGlite folder,
 * over a copy of the embedded dataset that the test edits to give a term a new revision.
 */
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {POST} from '@/app/api/feedback/route'
import {GET} from '@/app/api/feedback/summary/route'
import {closeFeedbackDatabase, openFeedbackDatabase, recordSearchMiss} from '@/lib/feedback/server'
import type {FeedbackSummary, TermFeedback} from '@/lib/feedback/summary'

import {jsonVote, summaryRequest} from '@/tests/support/feedback-requests'

jest.setTimeout(60_000)

const TOKEN = 'summary-test-token'
const folder = mkdtempSync(path.join(os.tmpdir(), 'feedback-summary-'))
const dataset = path.join(folder, 'dataset.ndjson')

let reader = 0
async function vote(fields: Record<string, unknown>) {
  const response = await POST(jsonVote(fields, {from: `198.18.0.${++reader}`}))
  expect(response.status).toBe(200)
}

async function summary(token = TOKEN): Promise<FeedbackSummary> {
  const response = await GET(summaryRequest({token}))
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('content-type')).toBe('application/json')
  return response.json()
}

/** A reader's request headers, as the search page passes them on. */
const searcher = (address: string) => new Headers({'x-forwarded-for': address, 'user-agent': 'Searcher'})

const entry = (result: FeedbackSummary, slug: string): TermFeedback => {
  const found = result.terms.find((term) => term.slug === slug)
  if (!found) throw new Error(`no feedback for ${slug} in ${JSON.stringify(result.terms)}`)
  return found
}

/** Gives a term a new revision in the dataset copy, as publishing an edit does. */
function publishEdit(termId: string, newRev: string) {
  const lines = readFileSync(dataset, 'utf8')
    .split('\n')
    .map((line) => {
      if (!line.includes(`"_id":"${termId}"`)) return line
      return JSON.stringify({...JSON.parse(line), _rev: newRev})
    })
  writeFileSync(dataset, lines.join('\n'))
}

beforeAll(async () => {
  copyFileSync(path.join(process.cwd(), 'sanity/seed/dataset.ndjson'), dataset)
  Object.assign(process.env, {
    FEEDBACK_DATA_DIR: path.join(folder, 'db'),
    CONTENT_DATASET_FILE: dataset,
    FEEDBACK_ADMIN_TOKEN: TOKEN,
  })
  await openFeedbackDatabase()
  await vote({term: 'backlink', vote: 'yes', reason: 'clear'})
  await vote({term: 'backlink', vote: 'yes'})
  await vote({term: 'backlink', vote: 'no', reason: 'hard-to-understand', comment: 'Too technical for me.'})
  await vote({term: 'anchor-text', vote: 'no', reason: 'incorrect-or-outdated', comment: '=HYPERLINK("x")'})
  await vote({term: 'link-building', vote: 'yes', reason: 'good-example'})
  await vote({term: 'link-building', vote: 'yes', reason: 'good-example'})
})

afterAll(async () => {
  await closeFeedbackDatabase()
  rmSync(folder, {recursive: true, force: true})
  for (const name of ['FEEDBACK_DATA_DIR', 'CONTENT_DATASET_FILE', 'FEEDBACK_ADMIN_TOKEN'])
    delete process.env[name]
})

describe('GET /api/feedback/summary', () => {
  it('lists the voted terms lowest helpful share first, with counts and reasons', async () => {
    const result = await summary()
    expect(result.terms.map((term) => [term.slug, term.allRevisions.helpfulPercent])).toEqual([
      ['anchor-text', 0],
      ['backlink', 67],
      ['link-building', 100],
    ])
    expect(entry(result, 'backlink')).toEqual({
      termId: 'term-backlink',
      slug: 'backlink',
      title: 'Backlink',
      currentRev: expect.any(String),
      allRevisions: {yes: 2, no: 1, total: 3, helpfulPercent: 67},
      currentRevision: {yes: 2, no: 1, total: 3, helpfulPercent: 67},
      revisions: [
        {
          rev: expect.any(String),
          current: true,
          firstVoteAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          tally: {yes: 2, no: 1, total: 3, helpfulPercent: 67},
        },
      ],
      reasons: [
        {vote: 'yes', reason: 'clear', label: 'Clear explanation', count: 1},
        {vote: 'no', reason: 'hard-to-understand', label: 'Hard to understand', count: 1},
      ],
      comments: [expect.objectContaining({comment: 'Too technical for me.'})],
    })
    expect(entry(result, 'link-building').reasons).toEqual([
      {vote: 'yes', reason: 'good-example', label: 'Good example', count: 2},
    ])
  })

  it('gives nothing without the admin token: no counts, no comments, no searches', async () => {
    await recordSearchMiss('private words', searcher('198.18.1.1'))
    const response = await GET(summaryRequest())
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer')
    const body = await response.text()
    expect(JSON.parse(body)).toEqual({
      error: 'The feedback summary needs the admin token: send Authorization: Bearer <FEEDBACK_ADMIN_TOKEN>.',
    })
    for (const secret of ['backlink', 'Too technical', 'private words']) expect(body).not.toContain(secret)
  })

  it('tells votes since the term’s last edit from the earlier ones', async () => {
    publishEdit('term-backlink', 'edited-revision-1')
    await vote({term: 'backlink', vote: 'yes'})
    const backlink = entry(await summary(), 'backlink')
    expect(backlink.currentRev).toBe('edited-revision-1')
    expect(backlink.allRevisions).toEqual({yes: 3, no: 1, total: 4, helpfulPercent: 75})
    expect(backlink.currentRevision).toEqual({yes: 1, no: 0, total: 1, helpfulPercent: 100})
    // Per revision, newest first: whether the rewrite helped.
    expect(backlink.revisions.map(({rev, current, tally}) => [rev, current, tally.helpfulPercent])).toEqual([
      ['edited-revision-1', true, 100],
      [expect.any(String), false, 67],
    ])
  })

  it('adds the comments, marked by revision, for the admin token', async () => {
    const result = await summary(TOKEN)
    expect(result.commentsIncluded).toBe(true)
    expect(entry(result, 'backlink').comments).toEqual([
      {
        vote: 'no',
        reason: 'hard-to-understand',
        comment: 'Too technical for me.',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        currentRevision: false,
      },
    ])
    expect(entry(result, 'link-building').comments).toEqual([])
  })

  it.each([
    ['a wrong token', 'Bearer not-the-token'],
    ['another scheme', `Basic ${TOKEN}`],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 for %s', async (_, authorization) => {
    const response = await GET(
      new Request('http://localhost:3000/api/feedback/summary', {headers: {authorization}}),
    )
    expect(response.status).toBe(401)
    await expect(response.json()).resolves.toEqual({error: 'Wrong admin token.'})
  })

  it('includes the most frequent searches that found nothing', async () => {
    await expect(recordSearchMiss('Crawl budget', searcher('198.18.1.2'))).resolves.toBe(true)
    await recordSearchMiss('crawl  BUDGET', searcher('198.18.1.3'))
    await recordSearchMiss('hreflang', searcher('198.18.1.2'))
    const {searchMisses} = await summary()
    expect(searchMisses.map(({query, count}) => ({query, count}))).toEqual([
      {query: 'crawl budget', count: 2},
      {query: 'hreflang', count: 1},
      {query: 'private words', count: 1},
    ])
  })

  it('answers a page of terms at a time, with the totals of all of them', async () => {
    const pageOf = async (query: string) => {
      const response = await GET(summaryRequest({query, token: TOKEN}))
      expect(response.status).toBe(200)
      const page: FeedbackSummary = await response.json()
      return {...page, slugs: page.terms.map((term) => term.slug)}
    }
    const whole = await pageOf('')
    expect(whole).toMatchObject({
      offset: 0,
      termCount: 3,
      slugs: ['anchor-text', 'backlink', 'link-building'],
    })
    expect(whole.voteCount).toBe(whole.terms.reduce((sum, term) => sum + term.allRevisions.total, 0))
    expect(await pageOf('?limit=2')).toMatchObject({
      offset: 0,
      termCount: 3,
      slugs: ['anchor-text', 'backlink'],
    })
    expect(await pageOf('?offset=2&limit=2')).toMatchObject({
      offset: 2,
      termCount: 3,
      voteCount: whole.voteCount,
      slugs: ['link-building'],
    })
    expect(await pageOf('?offset=10')).toMatchObject({offset: 10, termCount: 3, slugs: []})
    // One term by its document id, as a term's own feedback view asks.
    expect(await pageOf('?term=term-backlink')).toMatchObject({termCount: 3, slugs: ['backlink']})
    expect(await pageOf('?term=term-nobody-voted-on')).toMatchObject({termCount: 3, slugs: []})
  })

  it.each(['?limit=0', '?limit=1001', '?limit=ten', '?offset=-1', '?offset=1.5', '?format=xml', '?term='])(
    'answers the query %s with a 400 that says what is wrong',
    async (query) => {
      const response = await GET(summaryRequest({query, token: TOKEN}))
      expect(response.status).toBe(400)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const body = (await response.json()) as {error: string}
      expect(body.error).toMatch(/^Invalid summary query: (limit|offset|format|term): /)
    },
  )

  it('gives a CSV for spreadsheets, with a column for every fixed reason', async () => {
    const response = await GET(summaryRequest({query: '?format=csv', token: TOKEN}))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const [header, ...rows] = (await response.text()).trimEnd().split('\r\n')
    expect(header).toBe(
      'term_id,slug,title,yes,no,total,helpful_percent,current_revision_yes,current_revision_no,' +
        'current_revision_helpful_percent,yes_clear,yes_good_example,yes_other,no_hard_to_understand,' +
        'no_incorrect_or_outdated,no_missing_information,no_other,comments',
    )
    // The figures; the comments column is the next test's.
    expect(rows.map((row) => row.split(',').slice(0, 17).join(','))).toEqual([
      'term-anchor-text,anchor-text,Anchor Text,0,1,1,0,0,1,0,0,0,0,0,1,0,0',
      'term-backlink,backlink,Backlink,3,1,4,75,1,0,100,1,0,0,1,0,0,0',
      'term-link-building,link-building,Link Building,2,0,2,100,2,0,100,0,2,0,0,0,0,0',
    ])
  })

  it('puts the comments in the CSV for the admin token, quoted where needed', async () => {
    const csv = await (await GET(summaryRequest({query: '?format=csv', token: TOKEN}))).text()
    expect(csv.split('\r\n')[0]).toMatch(/,comments$/)
    expect(csv).toContain('"[no, incorrect-or-outdated] =HYPERLINK(""x"")"')
    expect(csv).toContain(',"[no, hard-to-understand] Too technical for me."\r\n')
  })

  // Last: its vote changes the figures the tests above read.
  it('flags the terms that need review by the rules the server is given, and says why', async () => {
    process.env.REVIEW_MAX_INCORRECT_REPORTS = '0'
    try {
      // A write through this instance: the next summary is computed afresh, with the new rule.
      await vote({term: 'link-building', vote: 'yes'})
      const result = await summary()
      // Not the page kept from the asks above: the vote is in it.
      expect(entry(result, 'link-building').allRevisions.total).toBe(3)
      expect(result.reviewRules.maxIncorrectReports).toBe(0)
      const anchorText = result.needsReview.find((term) => term.slug === 'anchor-text')
      expect(anchorText?.causes).toContainEqual(
        expect.objectContaining({
          kind: 'reported-incorrect',
          reports: 1,
          message: '1 reader reported this revision incorrect or outdated',
        }),
      )
      expect(result.needsReview.find((term) => term.slug === 'link-building')).toBeUndefined()
      expect(result.needsReviewCount).toBe(result.needsReview.length)
    } finally {
      delete process.env.REVIEW_MAX_INCORRECT_REPORTS
    }
  })
})

describe('GET /api/feedback/summary without an admin token configured', () => {
  beforeAll(() => delete process.env.FEEDBACK_ADMIN_TOKEN)
  afterAll(() => (process.env.FEEDBACK_ADMIN_TOKEN = TOKEN))

  it.each([undefined, TOKEN])('gives nothing, and says why (token %s)', async (token) => {
    const response = await GET(summaryRequest({token}))
    expect(response.status).toBe(401)
    await expect(response.json()).resolves.toEqual({
      error: 'The feedback summary is not available: no FEEDBACK_ADMIN_TOKEN is configured on the server.',
    })
  })
})
