/**
 * The weekly digest (`npm run feedback:digest`): its four lists over a real store (PGlite, and
 * PostgreSQL when TEST_DATABASE_URL is set) whose votes and missed searches are dated before and
 * inside the window, with small fixture content; its text and JSON; its command line.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  buildDigest,
  digestToText,
  DigestUsageError,
  parseDigestArgs,
  readDigestFeedback,
  type DigestInputs,
} from '@/lib/feedback/digest'
import type {ReviewRules} from '@/lib/feedback/needs-review'
import type {Vote} from '@/lib/feedback/reasons'
import type {TermRevision} from '@/lib/feedback/summary'
import type {ReportDocument} from '@/lib/links/report'
import {siteUrl} from '@/lib/site/urls'

import {describeEachStore, type OpenedStore} from '@/tests/support/feedback-databases'
import {perReader, vote} from '@/tests/support/store-votes'

jest.setTimeout(60_000)

const now = new Date('2026-12-08T12:00:00Z')
const since = new Date('2026-12-01T12:00:00Z')
const BEFORE = '2026-11-20T09:00:00Z'
const INSIDE = '2026-12-05T09:00:00Z'
const edit = (id: string, type: string) => `${siteUrl}/studio/intent/edit/id=${id};type=${type}`

/** Ten votes make a judgement here, so the fixture stays small. */
const rules: ReviewRules = {minHelpfulPercent: 60, minVotes: 10, maxAgeMonths: 12, maxIncorrectReports: 3}

const terms: TermRevision[] = [
  {_id: 'term-backlink', _rev: 'bl-2', slug: 'backlink', title: 'Backlink', updated: '2026-06-01'},
  {_id: 'term-anchor-text', _rev: 'at-1', slug: 'anchor-text', title: 'Anchor text', updated: '2026-06-01'},
  {_id: 'term-serp', _rev: 'sp-1', slug: 'serp', title: 'SERP', updated: '2026-06-01'},
  // Twelve months old between the window's start and its end: stale is new.
  {_id: 'term-canonical', _rev: 'cn-1', slug: 'canonical-url', title: 'Canonical URL', updated: '2025-12-03'},
  {_id: 'term-robots', _rev: 'rb-1', slug: 'robots-txt', title: 'Robots.txt', updated: null},
  {
    _id: 'term-crawl-budget',
    _rev: 'cb-1',
    slug: 'crawl-budget',
    title: 'Crawl budget',
    updated: '2026-12-04',
  },
]

const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}-s`, text, marks: []}],
})

const termDocument = (term: TermRevision, createdAt: string, updatedAt = createdAt): ReportDocument => ({
  _id: term._id,
  _type: 'term',
  _createdAt: createdAt,
  _updatedAt: updatedAt,
  title: term.title,
  slug: {current: term.slug},
})

const guide = (id: string, title: string, updatedAt: string, text: string): ReportDocument => ({
  _id: id,
  _type: 'guide',
  _createdAt: '2025-01-01T00:00:00Z',
  _updatedAt: updatedAt,
  title,
  slug: {current: id.replace(/^(drafts\.)?guide-/, '')},
  body: [block('b1', text)],
})

const documents: ReportDocument[] = [
  ...terms
    .filter((term) => term._id !== 'term-crawl-budget')
    .map((term) => termDocument(term, '2025-03-01T00:00:00Z')),
  // First published inside the window: its mentions count wherever they are.
  termDocument(
    terms.find((term) => term._id === 'term-crawl-budget')!,
    INSIDE,
  ),
  // Changed in the window: every unlinked mention in it counts.
  guide(
    'guide-link-building',
    'Link building basics',
    INSIDE,
    'Every backlink needs good anchor text. Backlinks from a SERP leader help, and so does a backlink.',
  ),
  // Unchanged: only the mention of the newly published term counts, not SERP's.
  guide('guide-technical', 'Technical SEO checklist', BEFORE, 'Mind your crawl budget before the SERP.'),
  // Unchanged and naming only older terms: nothing new.
  guide('guide-serp', 'Reading the SERP', BEFORE, 'A SERP shows a canonical URL.'),
  // A draft changed in the window is not published text.
  guide('drafts.guide-draft', 'Draft guide', INSIDE, 'A backlink in a draft.'),
]

const searchableTerms = terms.map((term) => ({
  title: term.title,
  slug: term.slug,
  shortDefinition: `What ${term.title} means.`,
  aliases: term._id === 'term-robots' ? ['robots exclusion'] : [],
}))

/** `count` votes on one revision, from readers of their own, all given at `at`. */
async function cast(
  {store, driver}: OpenedStore,
  termId: string,
  termRev: string,
  kind: Vote,
  count: number,
  at: string,
  reason?: string,
) {
  const group = `${termId}/${termRev}/${kind}/${reason ?? ''}/${at}/`
  for (let i = 0; i < count; i++) {
    const stored = await store.recordVote(
      vote({termId, termRev, vote: kind, reason, readerHash: `${group}${i}`}),
      perReader(20),
    )
    expect(stored).toEqual({stored: true})
  }
  await driver.query('UPDATE feedback_votes SET created_at = $1, updated_at = $1 WHERE reader_hash LIKE $2', [
    at,
    `${group}%`,
  ])
}

/** A missed search by `readers` readers, first and last seen when given. */
async function miss({store, driver}: OpenedStore, query: string, readers: number, firstSeen: string) {
  for (let i = 0; i < readers; i++) await store.recordSearchMiss(query, `searcher-${i}`)
  await driver.query('UPDATE search_misses SET first_seen = $1, last_seen = $1 WHERE query = $2', [
    firstSeen,
    query,
  ])
}

describe('parseDigestArgs', () => {
  const hoursBefore = (args: string[]) =>
    (now.getTime() - parseDigestArgs(args, now).since.getTime()) / 3_600_000

  it.each<[string[], number]>([
    [[], 7 * 24],
    [['--since', '36h'], 36],
    [['--since', '1d'], 24],
    [['--since=2w'], 14 * 24],
    [['--json', '--since', '9999h'], 9999],
  ])('%j starts the window %i hours before now', (args, hours) => {
    expect(hoursBefore(args)).toBe(hours)
  })

  it('asks for JSON only with --json', () => {
    expect(parseDigestArgs(['--since', '3d'], now).json).toBe(false)
    expect(parseDigestArgs(['--since', '3d', '--json'], now).json).toBe(true)
  })

  it.each(['7', '7m', '7D', '0d', '-1d', '1.5d', ' 7d', '10000h', 'd', '', 'seven days'])(
    'refuses --since "%s" in one line',
    (value) => {
      expect(() => parseDigestArgs(['--since', value], now)).toThrow(
        new DigestUsageError(
          `--since "${value}" must be 1 to 9999 hours, days or weeks, written like 36h, 7d or 2w.`,
        ),
      )
    },
  )

  it('refuses --since without a value, and arguments it does not know', () => {
    expect(() => parseDigestArgs(['--since'], now)).toThrow('--since needs a value, like 7d, 36h or 2w.')
    expect(() => parseDigestArgs(['--csv'], now)).toThrow(DigestUsageError)
  })
})

describe('the digest with nothing new', () => {
  const digest = buildDigest({
    since,
    now,
    votes: [],
    searchMisses: [],
    terms: terms.filter((term) => term.updated === '2026-06-01'),
    searchableTerms,
    documents: [],
    reviewRules: rules,
  })

  it('says so under every heading', () => {
    expect(digestToText(digest)).toBe(
      [
        'Feedback digest for 2026-12-01 12:00 UTC to 2026-12-08 12:00 UTC',
        '',
        'Terms whose helpfulness moved most (at least 5 votes before the window and in it)',
        '  Nothing new.',
        '',
        'New top missed searches (first seen in the window, still finding nothing)',
        '  Nothing new.',
        '',
        'New Needs review flags',
        '  Nothing new.',
        '',
        'Unlinked mentions added',
        '  Nothing new.',
      ].join('\n'),
    )
  })

  it('is empty lists in JSON', () => {
    expect(JSON.parse(JSON.stringify(digest))).toEqual({
      since: '2026-12-01T12:00:00.000Z',
      until: '2026-12-08T12:00:00.000Z',
      minVotesEachSide: 5,
      feedbackToolUrl: 'http://localhost:3000/studio/feedback',
      helpfulnessMoves: [],
      searchMisses: [],
      needsReview: [],
      unlinkedMentions: [],
    })
  })
})

describeEachStore((opened) => {
  let inputs: DigestInputs

  beforeAll(async () => {
    // Backlink: 80% helpful before the window (an older revision), 40% of ten votes on its rewrite since.
    await cast(opened, 'term-backlink', 'bl-1', 'yes', 8, BEFORE)
    await cast(opened, 'term-backlink', 'bl-1', 'no', 2, BEFORE)
    await cast(opened, 'term-backlink', 'bl-2', 'yes', 4, INSIDE)
    await cast(opened, 'term-backlink', 'bl-2', 'no', 6, INSIDE)
    // Anchor text: 50% before, 5 of 7 (71%) since; its fourth "incorrect" report came in the window.
    await cast(opened, 'term-anchor-text', 'at-1', 'yes', 5, BEFORE)
    await cast(opened, 'term-anchor-text', 'at-1', 'no', 3, BEFORE)
    await cast(opened, 'term-anchor-text', 'at-1', 'no', 2, BEFORE, 'incorrect-or-outdated')
    await cast(opened, 'term-anchor-text', 'at-1', 'yes', 5, INSIDE)
    await cast(opened, 'term-anchor-text', 'at-1', 'no', 2, INSIDE, 'incorrect-or-outdated')
    // SERP: unhelpful already before the window, and too few votes since to compare.
    await cast(opened, 'term-serp', 'sp-1', 'yes', 1, BEFORE)
    await cast(opened, 'term-serp', 'sp-1', 'no', 9, BEFORE)
    await cast(opened, 'term-serp', 'sp-1', 'no', 2, INSIDE)
    // Canonical URL: 100% on both sides, no move.
    await cast(opened, 'term-canonical', 'cn-1', 'yes', 5, BEFORE)
    await cast(opened, 'term-canonical', 'cn-1', 'yes', 5, INSIDE)
    // No longer published: never listed, however it moved.
    await cast(opened, 'term-deleted', 'dl-1', 'yes', 5, BEFORE)
    await cast(opened, 'term-deleted', 'dl-1', 'no', 5, INSIDE)

    await miss(opened, 'keyword cannibalization', 4, INSIDE)
    await miss(opened, 'link juice', 2, INSIDE)
    await miss(opened, 'link velocity', 2, INSIDE)
    // Found now by an alias: handled.
    await miss(opened, 'robots exclusion', 9, INSIDE)
    // First seen before the window: not new.
    await miss(opened, 'nofollow', 7, BEFORE)

    inputs = {
      ...(await readDigestFeedback(opened.store, since)),
      since,
      now,
      terms,
      searchableTerms,
      documents,
      reviewRules: rules,
    }
  })

  describe('voteCountsAround', () => {
    it('counts each revision’s votes by kind and reason on either side of the moment, grouped', () => {
      expect(inputs.votes.filter((row) => row.termId === 'term-anchor-text')).toEqual([
        {
          termId: 'term-anchor-text',
          termRev: 'at-1',
          vote: 'no',
          reason: 'incorrect-or-outdated',
          before: 2,
          since: 2,
        },
        {termId: 'term-anchor-text', termRev: 'at-1', vote: 'no', reason: null, before: 3, since: 0},
        {termId: 'term-anchor-text', termRev: 'at-1', vote: 'yes', reason: null, before: 5, since: 5},
      ])
    })

    it('counts a reader who changed their answer once, with the answer they gave last, when they gave it', async () => {
      await cast(opened, 'term-changed', 'ch-1', 'yes', 1, BEFORE)
      const reader = 'term-changed/ch-1/yes//2026-11-20T09:00:00Z/0'
      await opened.store.recordVote(
        vote({termId: 'term-changed', termRev: 'ch-1', readerHash: reader, vote: 'no'}),
        perReader(20),
      )
      const startOfTest = new Date(Date.now() - 60_000)
      expect(
        (await opened.store.voteCountsAround(startOfTest)).filter((row) => row.termId === 'term-changed'),
      ).toEqual([{termId: 'term-changed', termRev: 'ch-1', vote: 'no', reason: null, before: 0, since: 1}])
    })
  })

  it('lists the terms whose helpful share moved most, with enough votes on both sides', () => {
    expect(buildDigest(inputs).helpfulnessMoves).toEqual([
      {
        termId: 'term-backlink',
        title: 'Backlink',
        slug: 'backlink',
        studioUrl: edit('term-backlink', 'term'),
        before: {yes: 8, no: 2, total: 10, helpfulPercent: 80},
        since: {yes: 4, no: 6, total: 10, helpfulPercent: 40},
        change: -40,
      },
      {
        termId: 'term-anchor-text',
        title: 'Anchor text',
        slug: 'anchor-text',
        studioUrl: edit('term-anchor-text', 'term'),
        before: {yes: 5, no: 5, total: 10, helpfulPercent: 50},
        since: {yes: 5, no: 2, total: 7, helpfulPercent: 71},
        change: 21,
      },
    ])
  })

  it('lists the searches first missed in the window that the glossary still misses, most counted first', () => {
    expect(buildDigest(inputs).searchMisses).toEqual([
      {
        query: 'keyword cannibalization',
        count: 4,
        firstSeen: '2026-12-05T09:00:00.000Z',
        lastSeen: '2026-12-05T09:00:00.000Z',
      },
      {
        query: 'link juice',
        count: 2,
        firstSeen: '2026-12-05T09:00:00.000Z',
        lastSeen: '2026-12-05T09:00:00.000Z',
      },
      {
        query: 'link velocity',
        count: 2,
        firstSeen: '2026-12-05T09:00:00.000Z',
        lastSeen: '2026-12-05T09:00:00.000Z',
      },
    ])
  })

  it('lists only the Needs review causes a term did not have when the window began', () => {
    expect(buildDigest(inputs).needsReview).toEqual([
      {
        termId: 'term-canonical',
        title: 'Canonical URL',
        slug: 'canonical-url',
        studioUrl: edit('term-canonical', 'term'),
        causes: [
          expect.objectContaining({
            kind: 'stale',
            message: 'Last reviewed 2025-12-03, more than 12 months ago',
          }),
        ],
      },
      {
        termId: 'term-anchor-text',
        title: 'Anchor text',
        slug: 'anchor-text',
        studioUrl: edit('term-anchor-text', 'term'),
        causes: [
          expect.objectContaining({
            kind: 'reported-incorrect',
            message: '4 readers reported this revision incorrect or outdated',
          }),
        ],
      },
      {
        termId: 'term-backlink',
        title: 'Backlink',
        slug: 'backlink',
        studioUrl: edit('term-backlink', 'term'),
        causes: [
          expect.objectContaining({
            kind: 'unhelpful',
            message: '40% found this revision helpful (10 votes; the bar is 60%)',
          }),
        ],
      },
    ])
  })

  it('lists the unlinked mentions in documents changed in the window, and of terms first published in it', () => {
    expect(buildDigest(inputs).unlinkedMentions).toEqual([
      {
        documentId: 'guide-link-building',
        type: 'guide',
        title: 'Link building basics',
        studioUrl: edit('guide-link-building', 'guide'),
        count: 5,
        examples: [
          {text: 'backlink', termTitle: 'Backlink'},
          {text: 'anchor text', termTitle: 'Anchor text'},
          {text: 'Backlinks', termTitle: 'Backlink'},
        ],
      },
      {
        documentId: 'guide-technical',
        type: 'guide',
        title: 'Technical SEO checklist',
        studioUrl: edit('guide-technical', 'guide'),
        count: 1,
        examples: [{text: 'crawl budget', termTitle: 'Crawl budget'}],
      },
    ])
  })

  it('prints every list under its heading, each entry with its Studio link', () => {
    expect(digestToText(buildDigest(inputs))).toBe(
      [
        'Feedback digest for 2026-12-01 12:00 UTC to 2026-12-08 12:00 UTC',
        '',
        'Terms whose helpfulness moved most (at least 5 votes before the window and in it)',
        '  Backlink: 80% → 40% helpful (-40 points; 10 votes before, 10 votes in the window)',
        `    ${edit('term-backlink', 'term')}`,
        '  Anchor text: 50% → 71% helpful (+21 points; 10 votes before, 7 votes in the window)',
        `    ${edit('term-anchor-text', 'term')}`,
        '',
        'New top missed searches (first seen in the window, still finding nothing)',
        '  "keyword cannibalization": 4 times, first seen 2026-12-05 09:00 UTC',
        '  "link juice": 2 times, first seen 2026-12-05 09:00 UTC',
        '  "link velocity": 2 times, first seen 2026-12-05 09:00 UTC',
        '    Make them terms or aliases in the Feedback tool: http://localhost:3000/studio/feedback',
        '',
        'New Needs review flags',
        '  Canonical URL',
        '    - Last reviewed 2025-12-03, more than 12 months ago',
        `    ${edit('term-canonical', 'term')}`,
        '  Anchor text',
        '    - 4 readers reported this revision incorrect or outdated',
        `    ${edit('term-anchor-text', 'term')}`,
        '  Backlink',
        '    - 40% found this revision helpful (10 votes; the bar is 60%)',
        `    ${edit('term-backlink', 'term')}`,
        '',
        'Unlinked mentions added',
        '  Link building basics (guide): 5 unlinked mentions: "backlink" (Backlink), "anchor text" (Anchor text), "Backlinks" (Backlink)',
        `    ${edit('guide-link-building', 'guide')}`,
        '  Technical SEO checklist (guide): 1 unlinked mention: "crawl budget" (Crawl budget)',
        `    ${edit('guide-technical', 'guide')}`,
      ].join('\n'),
    )
  })
})

describe('npm run feedback:digest', () => {
  it('refuses a malformed --since in one line with exit code 2, before it opens any database', async () => {
    const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'feedback-digest-')), 'never-created')
    try {
      const result = await new Promise<{code: number; stdout: string; stderr: string}>((resolve) => {
        execFile(
          'npm',
          ['run', '--silent', 'feedback:digest', '--', '--since', '3 days'],
          // Jest's own NODE_OPTIONS (VM modules) is not for the script.
          {env: {...process.env, NODE_OPTIONS: '', FEEDBACK_DATA_DIR: folder}, cwd: process.cwd()},
          (error, stdout, stderr) => resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
        )
      })
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'feedback:digest: --since "3 days" must be 1 to 9999 hours, days or weeks, written like 36h, 7d or 2w.\n',
      })
      expect(existsSync(folder)).toBe(false)
    } finally {
      rmSync(path.dirname(folder), {recursive: true, force: true})
    }
  })
})
