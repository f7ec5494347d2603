import {DEFAULT_REVIEW_RULES} from '@/lib/feedback/needs-review'
import {rankFeedback, summaryToCsv, wholeSummary} from '@/lib/feedback/summary'
import {summaryPage, summaryQuerySchema} from '@/lib/feedback/summary-query'

const at = new Date('2026-11-20T10:00:00.000Z')

/** A stored count row: votes on one term revision with one vote and reason. */
const count = (
  termId: string,
  termRev: string,
  vote: 'yes' | 'no',
  reason: string | null,
  votes: number,
  firstVoteAt = '2026-11-01T09:00:00.000Z',
) => ({termId, termRev, vote, reason, votes, firstVoteAt})

describe('the whole summary (rankFeedback, wholeSummary)', () => {
  const summary = wholeSummary(
    rankFeedback({
      now: at,
      terms: [
        {_id: 'term-a', _rev: 'a2', slug: 'a', title: 'Alpha', updated: '2026-10-01'},
        {_id: 'term-b', _rev: 'b1', slug: 'b', title: 'Beta', updated: '2026-10-01'},
        {_id: 'term-c', _rev: 'c1', slug: 'c', title: 'Gamma', updated: '2026-10-01'},
      ],
      counts: [
        count('term-a', 'a1', 'no', 'other', 3),
        count('term-a', 'a2', 'yes', null, 1),
        count('term-b', 'b1', 'yes', null, 1),
        count('term-b', 'b1', 'no', null, 3),
        count('term-gone', 'g1', 'yes', null, 2),
      ],
      searchMisses: [{query: 'hreflang', count: 4, firstSeen: at, lastSeen: at}],
      reviewRules: DEFAULT_REVIEW_RULES,
    }),
  )

  it('sorts by helpful share, then by number of votes', () => {
    expect(
      summary.terms.map((term) => [term.termId, term.allRevisions.helpfulPercent, term.allRevisions.total]),
    ).toEqual([
      ['term-a', 25, 4],
      ['term-b', 25, 4],
      ['term-gone', 100, 2],
    ])
  })

  it('counts the current revision apart from the earlier ones', () => {
    expect(summary.terms[0]!.currentRevision).toEqual({yes: 1, no: 0, total: 1, helpfulPercent: 100})
    expect(summary.terms[0]!.reasons).toEqual([{vote: 'no', reason: 'other', label: 'Other', count: 3}])
  })

  it('keeps votes on a term that is no longer published, without a slug or a current revision', () => {
    expect(summary.terms[2]).toMatchObject({slug: null, title: null, currentRev: null})
    expect(summary.terms[2]!.currentRevision.total).toBe(0)
  })

  it('does not list terms nobody voted on', () => {
    expect(summary.terms.some((term) => term.termId === 'term-c')).toBe(false)
  })

  it('gives dates as ISO strings', () => {
    expect(summary.generatedAt).toBe('2026-11-20T10:00:00.000Z')
    expect(summary.searchMisses).toEqual([
      {
        query: 'hreflang',
        count: 4,
        firstSeen: '2026-11-20T10:00:00.000Z',
        lastSeen: '2026-11-20T10:00:00.000Z',
      },
    ])
  })
})

describe('the whole summary per revision and Needs review', () => {
  const rules = {minHelpfulPercent: 60, minVotes: 4, maxAgeMonths: 12, maxIncorrectReports: 1}
  const summary = wholeSummary(
    rankFeedback({
      now: at,
      terms: [
        // Rewritten in r2: r1 was unhelpful, r2 is not yet judged.
        {_id: 'term-a', _rev: 'r2', slug: 'a', title: 'Alpha', updated: '2026-11-10'},
        {_id: 'term-b', _rev: 'b1', slug: 'b', title: 'Beta', updated: '2026-06-01'},
        {_id: 'term-old', _rev: 'o1', slug: 'old', title: 'Old', updated: '2025-10-01'},
        {_id: 'term-never', _rev: 'n1', slug: 'never', title: 'Never', updated: null},
      ],
      counts: [
        count('term-a', 'r1', 'no', 'incorrect-or-outdated', 4, '2026-09-02T08:00:00.000Z'),
        count('term-a', 'r1', 'yes', null, 1, '2026-09-01T08:00:00.000Z'),
        count('term-a', 'r2', 'yes', null, 2, '2026-11-11T08:00:00.000Z'),
        count('term-b', 'b1', 'yes', null, 1, '2026-07-01T08:00:00.000Z'),
        count('term-b', 'b1', 'no', 'incorrect-or-outdated', 2, '2026-07-03T08:00:00.000Z'),
        count('term-b', 'b1', 'no', null, 1, '2026-07-02T08:00:00.000Z'),
      ],
      searchMisses: [],
      reviewRules: rules,
    }),
  )

  it('gives each revision its votes, dated by its first vote, newest first', () => {
    const alpha = summary.terms.find((term) => term.termId === 'term-a')!
    expect(alpha.revisions).toEqual([
      {
        rev: 'r2',
        current: true,
        firstVoteAt: '2026-11-11T08:00:00.000Z',
        tally: {yes: 2, no: 0, total: 2, helpfulPercent: 100},
      },
      {
        rev: 'r1',
        current: false,
        firstVoteAt: '2026-09-01T08:00:00.000Z',
        tally: {yes: 1, no: 4, total: 5, helpfulPercent: 20},
      },
    ])
  })

  it('flags every published term that needs review, voted or not, with each cause', () => {
    expect(summary.needsReviewCount).toBe(3)
    expect(summary.needsReview.map((term) => [term.termId, term.causes.map((cause) => cause.kind)])).toEqual([
      ['term-never', ['stale']],
      ['term-old', ['stale']],
      ['term-b', ['unhelpful', 'reported-incorrect']],
    ])
    expect(summary.reviewRules).toEqual(rules)
  })

  it('clears the flags an edit answers: a rewrite’s new revision starts without the old votes and reports', () => {
    expect(summary.needsReview.some((term) => term.termId === 'term-a')).toBe(false)
  })
})

describe('a page of the summary (summaryPage)', () => {
  // Twelve terms, each with a comment and votes on two revisions, one of them with reasons.
  const feedback = rankFeedback({
    now: at,
    terms: Array.from({length: 12}, (_, i) => ({
      _id: `term-${i}`,
      _rev: `r2-${i}`,
      slug: `t${i}`,
      title: `Term ${i}`,
      updated: i % 2 ? '2026-10-01' : null,
    })),
    counts: Array.from({length: 12}, (_, i) => [
      count(`term-${i}`, `r1-${i}`, 'no', 'incorrect-or-outdated', i + 1, '2026-09-01T08:00:00.000Z'),
      count(`term-${i}`, `r2-${i}`, 'yes', null, 12 - i, '2026-10-02T08:00:00.000Z'),
      count(`term-${i}`, `r2-${i}`, 'no', 'hard-to-understand', 1, '2026-10-03T08:00:00.000Z'),
    ]).flat(),
    comments: Array.from({length: 12}, (_, i) => ({
      termId: `term-${i}`,
      termRev: `r2-${i}`,
      vote: 'no' as const,
      reason: 'hard-to-understand',
      comment: `Comment ${i}`,
      at,
    })),
    searchMisses: [],
    reviewRules: DEFAULT_REVIEW_RULES,
  })
  const whole = wholeSummary(feedback)
  const page = (query: Record<string, string>) => summaryPage(feedback, summaryQuerySchema.parse(query))

  it('builds the terms it lists exactly as the whole summary has them', () => {
    expect(page({offset: '3', limit: '4'}).terms).toEqual(whole.terms.slice(3, 7))
    expect(page({offset: '3', limit: '4'}).terms.every((term) => term.comments?.length === 1)).toBe(true)
    expect(page({term: 'term-5'}).terms).toEqual(whole.terms.filter((term) => term.termId === 'term-5'))
    expect(page({offset: '40'}).terms).toEqual([])
  })

  it('keeps the totals of every term and a page of those needing review', () => {
    const third = page({offset: '2', limit: '3'})
    expect({...third, terms: [], needsReview: [], offset: 0}).toEqual({...whole, terms: [], needsReview: []})
    expect(third.offset).toBe(2)
    expect(third.needsReview).toEqual(whole.needsReview.slice(0, 3))
    // The six never reviewed.
    expect(whole.needsReviewCount).toBe(6)
  })
})

describe('summaryToCsv', () => {
  it('defuses text a spreadsheet would run as a formula, and quotes commas and quotes', () => {
    const csv = summaryToCsv(
      wholeSummary(
        rankFeedback({
          terms: [
            {
              _id: 'term-x',
              _rev: 'x1',
              slug: 'x',
              title: '=cmd|" /c calc"!A1, "quoted"',
              updated: '2026-10-01',
            },
          ],
          counts: [count('term-x', 'x1', 'yes', null, 1)],
          searchMisses: [],
          reviewRules: DEFAULT_REVIEW_RULES,
        }),
      ),
    )
    expect(csv.split('\r\n')[1]).toMatch(/^term-x,x,"'=cmd\|"" \/c calc""!A1, ""quoted""",1,0,1,100,/)
  })

  it('leaves empty figures empty rather than zero', () => {
    const csv = summaryToCsv(
      wholeSummary(
        rankFeedback({
          terms: [{_id: 'term-x', _rev: 'x2', slug: 'x', title: 'X', updated: '2026-10-01'}],
          counts: [count('term-x', 'x1', 'no', null, 1)],
          searchMisses: [],
          reviewRules: DEFAULT_REVIEW_RULES,
        }),
      ),
    )
    expect(csv.split('\r\n')[1]).toMatch(/^term-x,x,X,0,1,1,0,0,0,,/)
  })
})
