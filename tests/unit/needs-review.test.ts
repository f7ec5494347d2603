import {DEFAULT_REVIEW_RULES, reviewCausesAt, type ReviewFigures} from '@/lib/feedback/needs-review'

const now = new Date('2026-12-06T12:00:00Z')
const healthy: ReviewFigures = {currentRevision: {yes: 30, no: 5}, incorrectReports: 0, updated: '2026-10-01'}
const kinds = (figures: Partial<ReviewFigures>, rules = DEFAULT_REVIEW_RULES) =>
  reviewCausesAt(rules, now)({...healthy, ...figures}).map((cause) => cause.kind)

describe('reviewCausesAt (the defaults: 60% after 20 votes, 12 months, more than 3 reports)', () => {
  it.each<[string, Partial<ReviewFigures>, string[]]>([
    ['a helpful, recent, unreported term', {}, []],
    ['helpful share below the bar after enough votes', {currentRevision: {yes: 11, no: 9}}, ['unhelpful']],
    ['exactly at the bar', {currentRevision: {yes: 12, no: 8}}, []],
    ['too few votes to judge', {currentRevision: {yes: 0, no: 19}}, []],
    ['never reviewed', {updated: null}, ['stale']],
    ['reviewed more than 12 months ago', {updated: '2025-12-05'}, ['stale']],
    ['reviewed exactly 12 months ago', {updated: '2025-12-06'}, []],
    ['reported incorrect more than 3 times', {incorrectReports: 4}, ['reported-incorrect']],
    ['reported incorrect 3 times', {incorrectReports: 3}, []],
    [
      'every cause at once',
      {currentRevision: {yes: 1, no: 19}, updated: null, incorrectReports: 9},
      ['unhelpful', 'stale', 'reported-incorrect'],
    ],
  ])('%s', (_, figures, expected) => {
    expect(kinds(figures)).toEqual(expected)
  })

  it('says why in words an editor can act on', () => {
    const causes = reviewCausesAt(
      DEFAULT_REVIEW_RULES,
      now,
    )({currentRevision: {yes: 5, no: 15}, incorrectReports: 4, updated: '2025-01-31'})
    expect(causes.map((cause) => cause.message)).toEqual([
      '25% found this revision helpful (20 votes; the bar is 60%)',
      'Last reviewed 2025-01-31, more than 12 months ago',
      '4 readers reported this revision incorrect or outdated',
    ])
  })

  it('follows configured rules', () => {
    const strict = {minHelpfulPercent: 90, minVotes: 5, maxAgeMonths: 1, maxIncorrectReports: 0}
    expect(kinds({}, strict)).toEqual(['unhelpful', 'stale'])
    expect(kinds({incorrectReports: 1}, strict)).toEqual(['unhelpful', 'stale', 'reported-incorrect'])
  })

  it('clears each cause once it is gone: a rewrite starts a revision without votes, a review moves the date', () => {
    const flagged = {currentRevision: {yes: 2, no: 30}, incorrectReports: 5, updated: '2024-01-01'}
    expect(kinds(flagged)).toEqual(['unhelpful', 'stale', 'reported-incorrect'])
    expect(kinds({...flagged, currentRevision: {yes: 0, no: 0}, incorrectReports: 0})).toEqual(['stale'])
    expect(
      kinds({...flagged, currentRevision: {yes: 0, no: 0}, incorrectReports: 0, updated: '2026-12-01'}),
    ).toEqual([])
  })
})
