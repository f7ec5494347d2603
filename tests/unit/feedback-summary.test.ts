import {buildSummary, summaryToCsv} from '@/lib/feedback/summary'

const at = new Date('2026-11-20T10:00:00Z')

describe('buildSummary', () => {
  const summary = buildSummary({
    now: at,
    terms: [
      {_id: 'term-a', _rev: 'a2', slug: 'a', title: 'Alpha'},
      {_id: 'term-b', _rev: 'b1', slug: 'b', title: 'Beta'},
      {_id: 'term-c', _rev: 'c1', slug: 'c', title: 'Gamma'},
    ],
    counts: [
      {termId: 'term-a', termRev: 'a1', vote: 'no', reason: 'other', votes: 3},
      {termId: 'term-a', termRev: 'a2', vote: 'yes', reason: null, votes: 1},
      {termId: 'term-b', termRev: 'b1', vote: 'yes', reason: null, votes: 1},
      {termId: 'term-b', termRev: 'b1', vote: 'no', reason: null, votes: 3},
      {termId: 'term-gone', termRev: 'g1', vote: 'yes', reason: null, votes: 2},
    ],
    searchMisses: [{query: 'hreflang', count: 4, firstSeen: at, lastSeen: at}],
  })

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

describe('summaryToCsv', () => {
  it('defuses text a spreadsheet would run as a formula, and quotes commas and quotes', () => {
    const csv = summaryToCsv(
      buildSummary({
        terms: [{_id: 'term-x', _rev: 'x1', slug: 'x', title: '=cmd|" /c calc"!A1, "quoted"'}],
        counts: [{termId: 'term-x', termRev: 'x1', vote: 'yes', reason: null, votes: 1}],
        searchMisses: [],
      }),
    )
    expect(csv.split('\r\n')[1]).toMatch(/^term-x,x,"'=cmd\|"" \/c calc""!A1, ""quoted""",1,0,1,100,/)
  })

  it('leaves empty figures empty rather than zero', () => {
    const csv = summaryToCsv(
      buildSummary({
        terms: [{_id: 'term-x', _rev: 'x2', slug: 'x', title: 'X'}],
        counts: [{termId: 'term-x', termRev: 'x1', vote: 'no', reason: null, votes: 1}],
        searchMisses: [],
      }),
    )
    expect(csv.split('\r\n')[1]).toMatch(/^term-x,x,X,0,1,1,0,0,0,,/)
  })
})
