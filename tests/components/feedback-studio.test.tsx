/** @jest-environment jsdom */
import {fireEvent, render, screen, waitFor, within} from '@testing-library/react'

import {DEFAULT_REVIEW_RULES} from '@/lib/feedback/needs-review'
import {rankFeedback, wholeSummary, type FeedbackSummary, type RankedFeedback} from '@/lib/feedback/summary'
import {summaryPage, summaryQuerySchema} from '@/lib/feedback/summary-query'
import {AdminTokenField} from '@/sanity/tools/feedback/admin-token-field'
import {FeedbackDocumentView} from '@/sanity/tools/feedback/feedback-document-view'
import {FeedbackTable, type TermLinkProps} from '@/sanity/tools/feedback/feedback-table'
import {FeedbackTool} from '@/sanity/tools/feedback/feedback-tool'

// The `sanity` package cannot load under Jest; its intent link is replaced by one that shows
// the intent it was given, so the test can check which document each row opens.
jest.mock('sanity/router', () => ({
  IntentLink: ({
    intent,
    params,
    children,
  }: {
    intent: string
    params: {id: string; type: string}
    children: unknown
  }) => <a href={`/studio/intent/${intent}/id=${params.id};type=${params.type}/`}>{children as string}</a>,
}))

// The missed-searches section reads the Studio's documents (tests/components/missed-searches.test.tsx);
// here it only shows which searches the tool handed it.
jest.mock('@/sanity/tools/feedback/missed-searches', () => ({
  MissedSearches: ({misses}: {misses: {query: string; count: number}[]}) => (
    <ul aria-label="Missed searches">
      {misses.map((miss) => (
        <li key={miss.query}>{`${miss.query} ×${miss.count}`}</li>
      ))}
    </ul>
  ),
}))

const at = new Date('2026-11-20T10:00:00Z')

/** What the endpoint answers is JSON: dates as strings, nothing left out. */
const asJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value))

/** The figures the endpoint ranks, with or without comments. */
const rankedFixture = (withComments: boolean, reviewRules = DEFAULT_REVIEW_RULES): RankedFeedback =>
  rankFeedback({
    terms: [
      {_id: 'term-backlink', _rev: 'r2', slug: 'backlink', title: 'Backlink', updated: '2026-10-01'},
      {
        _id: 'term-anchor-text',
        _rev: 'a1',
        slug: 'anchor-text',
        title: 'Anchor Text',
        updated: '2026-10-01',
      },
    ],
    counts: [
      {
        termId: 'term-backlink',
        termRev: 'r1',
        vote: 'yes',
        reason: 'clear',
        votes: 3,
        firstVoteAt: '2026-10-02T09:00:00Z',
      },
      {
        termId: 'term-backlink',
        termRev: 'r2',
        vote: 'no',
        reason: null,
        votes: 1,
        firstVoteAt: '2026-11-01T09:00:00Z',
      },
      {
        termId: 'term-anchor-text',
        termRev: 'a1',
        vote: 'no',
        reason: 'incorrect-or-outdated',
        votes: 2,
        firstVoteAt: '2026-11-01T09:00:00Z',
      },
      {
        termId: 'term-removed',
        termRev: 'x1',
        vote: 'yes',
        reason: null,
        votes: 1,
        firstVoteAt: '2026-11-01T09:00:00Z',
      },
    ],
    comments: withComments
      ? [{termId: 'term-backlink', termRev: 'r1', vote: 'yes', reason: 'clear', comment: 'Spot on.', at}]
      : undefined,
    searchMisses: [{query: 'crawl budget', count: 4, firstSeen: at, lastSeen: at}],
    reviewRules,
  })

/** The whole summary as the endpoint answers it, with or without comments. */
const summaryJson = (withComments: boolean): FeedbackSummary =>
  asJson(wholeSummary(rankedFixture(withComments)))

/** What the fake endpoint answers with: the real paging over this summary. */
let served: RankedFeedback

let requests: {url: string; authorization: string | null}[]
/** Each request's abort signal: strict mode mounts a component twice and the first mount cancels its own. */
let signals: (AbortSignal | null | undefined)[]
const liveRequests = () => requests.filter((_, index) => !signals[index]?.aborted)

beforeEach(() => {
  sessionStorage.clear()
  requests = []
  signals = []
  served = rankedFixture(true)
  globalThis.fetch = jest.fn(async (url: string, init: RequestInit) => {
    const authorization = new Headers(init.headers).get('authorization')
    requests.push({url, authorization})
    signals.push(init.signal)
    if (authorization !== 'Bearer right-token') {
      return {ok: false, status: 401, json: async () => ({error: 'Wrong admin token.'})}
    }
    const query = summaryQuerySchema.parse(
      Object.fromEntries(new URL(url, 'http://studio.test').searchParams),
    )
    return {ok: true, status: 200, json: async () => asJson(summaryPage(served, query))}
  }) as unknown as typeof fetch
})

const TermLink = ({termId, children}: TermLinkProps) => (
  <a href={`/studio/intent/edit/id=${termId}`}>{children}</a>
)

describe('the Studio’s feedback table', () => {
  it('lists terms lowest helpful share first, each linking to its document', () => {
    render(<FeedbackTable summary={summaryJson(false)} TermLink={TermLink} />)
    const rows = screen.getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Anchor Text',
      'Backlink',
      'term-removed (no longer published)',
    ])
    expect(within(rows[1]!).getByRole('link', {name: 'Backlink'})).toHaveAttribute(
      'href',
      '/studio/intent/edit/id=term-backlink',
    )
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '1', '75% helpful (4 votes)', '0% helpful (1 vote)', 'Yes: Clear explanation ×3'])
    expect(screen.queryByRole('columnheader', {name: 'Comments'})).not.toBeInTheDocument()
  })

  it('adds a comments column when the summary has comments', () => {
    render(<FeedbackTable summary={summaryJson(true)} TermLink={TermLink} />)
    expect(screen.getByRole('columnheader', {name: 'Comments'})).toBeInTheDocument()
    expect(screen.getByText('Spot on.')).toBeInTheDocument()
    expect(screen.getByText(/before the last edit/)).toBeInTheDocument()
  })
})

describe('the Feedback tool', () => {
  it('asks for the admin token and requests nothing without it', () => {
    render(<FeedbackTool />)
    expect(screen.getByRole('status')).toHaveTextContent('enter the admin token')
    expect(screen.getByLabelText('Admin token, to see readers’ feedback')).toBeInTheDocument()
    expect(requests).toEqual([])
  })

  it('loads the summary and opens each term’s document through an edit intent', async () => {
    sessionStorage.setItem('glossary.feedback.adminToken', 'right-token')
    render(<FeedbackTool />)
    expect(screen.getByRole('status')).toHaveTextContent('Loading feedback…')
    const link = await screen.findByRole('link', {name: 'Anchor Text'})
    expect(link).toHaveAttribute('href', '/studio/intent/edit/id=term-anchor-text;type=term/')
    expect(
      within(screen.getByRole('list', {name: 'Missed searches'})).getByText('crawl budget ×4'),
    ).toBeVisible()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(screen.getByText('7 votes on 3 terms.')).toBeInTheDocument()
    // Three terms fit on one page: no page buttons.
    expect(screen.queryByRole('navigation', {name: 'Pages of terms'})).not.toBeInTheDocument()
  })

  it('lists the terms that need review, each with why and a link to its document', async () => {
    sessionStorage.setItem('glossary.feedback.adminToken', 'right-token')
    const {unmount} = render(<FeedbackTool />)
    await screen.findByRole('heading', {name: 'Needs review (0)'})
    expect(screen.getByText('No term needs review.')).toBeInTheDocument()
    unmount()

    served = rankedFixture(true, {...DEFAULT_REVIEW_RULES, maxIncorrectReports: 1})
    render(<FeedbackTool />)
    const section = (await screen.findByRole('heading', {name: 'Needs review (1)'})).parentElement!
    expect(within(section).getByRole('link', {name: 'Anchor Text'})).toHaveAttribute(
      'href',
      '/studio/intent/edit/id=term-anchor-text;type=term/',
    )
    expect(section).toHaveTextContent('2 readers reported this revision incorrect or outdated')
  })

  it('shows a page of terms at a time, weakest first, with buttons to the next and previous pages', async () => {
    served = rankFeedback({
      terms: [],
      counts: Array.from({length: 250}, (_, i) => ({
        termId: `term-${String(i).padStart(3, '0')}`,
        termRev: 'r1',
        vote: 'yes' as const,
        reason: null,
        votes: i + 1,
        firstVoteAt: '2026-11-01T09:00:00Z',
      })),
      searchMisses: [],
      reviewRules: DEFAULT_REVIEW_RULES,
    })
    sessionStorage.setItem('glossary.feedback.adminToken', 'right-token')
    render(<FeedbackTool />)
    const pages = await screen.findByRole('navigation', {name: 'Pages of terms'})
    expect(pages).toHaveTextContent('Terms 1–100 of 250')
    expect(within(pages).getByRole('button', {name: 'Previous terms'})).toBeDisabled()
    // All at 100% helpful: the most votes first.
    expect(screen.getAllByRole('rowheader')[0]).toHaveTextContent('term-249')
    fireEvent.click(within(pages).getByRole('button', {name: 'Next terms'}))
    expect(screen.getByRole('status')).toHaveTextContent('Loading terms…')
    await waitFor(() => expect(pages).toHaveTextContent('Terms 101–200 of 250'))
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(screen.getAllByRole('rowheader')[0]).toHaveTextContent('term-149')
    // The page changed in place: the button pressed is still there, with the focus.
    expect(within(pages).getByRole('button', {name: 'Next terms'})).toBeInTheDocument()
    expect(liveRequests().at(-1)).toEqual({
      url: '/api/feedback/summary?offset=100&limit=100',
      authorization: 'Bearer right-token',
    })
    fireEvent.click(within(pages).getByRole('button', {name: 'Next terms'}))
    await waitFor(() => expect(pages).toHaveTextContent('Terms 201–250 of 250'))
    expect(within(pages).getByRole('button', {name: 'Next terms'})).toBeDisabled()
    fireEvent.click(within(pages).getByRole('button', {name: 'Previous terms'}))
    await waitFor(() => expect(pages).toHaveTextContent('Terms 101–200 of 250'))
  })
})

describe('the admin token field', () => {
  it('keeps the token in sessionStorage for the session, and forgets it on request', () => {
    render(<AdminTokenField />)
    const field = screen.getByLabelText('Admin token, to see readers’ feedback')
    expect(field).toHaveAttribute('type', 'password')
    fireEvent.change(field, {target: {value: ' right-token '}})
    fireEvent.click(screen.getByRole('button', {name: 'Show feedback'}))
    expect(sessionStorage.getItem('glossary.feedback.adminToken')).toBe('right-token')
    expect(localStorage.length).toBe(0)
    fireEvent.click(screen.getByRole('button', {name: 'Forget the admin token'}))
    expect(sessionStorage.getItem('glossary.feedback.adminToken')).toBeNull()
    expect(screen.getByLabelText('Admin token, to see readers’ feedback')).toHaveValue('')
  })
})

describe('the feedback view on a term’s document', () => {
  it('shows that term’s figures from the same-origin summary endpoint, with the token', async () => {
    sessionStorage.setItem('glossary.feedback.adminToken', 'right-token')
    render(<FeedbackDocumentView documentId="term-backlink" />)
    expect(screen.getByRole('status')).toHaveTextContent('Loading feedback…')
    await screen.findByText('75% helpful (4 votes): 3 yes, 1 no')
    expect(screen.getByText('0% helpful (1 vote)')).toBeInTheDocument()
    expect(screen.getByText('Yes: Clear explanation ×3')).toBeInTheDocument()
    expect(liveRequests()).toEqual([
      {url: '/api/feedback/summary?term=term-backlink', authorization: 'Bearer right-token'},
    ])
  })

  it('asks for the token first, then shows the figures and comments', async () => {
    render(<FeedbackDocumentView documentId="term-backlink" />)
    expect(screen.getByRole('status')).toHaveTextContent('enter the admin token')
    expect(requests).toEqual([])
    fireEvent.change(screen.getByLabelText('Admin token, to see readers’ feedback'), {
      target: {value: 'right-token'},
    })
    fireEvent.click(screen.getByRole('button', {name: 'Show feedback'}))
    await screen.findByText('Spot on.')
    expect(requests.at(-1)).toEqual({
      url: '/api/feedback/summary?term=term-backlink',
      authorization: 'Bearer right-token',
    })
  })

  it('says so when the token is wrong', async () => {
    sessionStorage.setItem('glossary.feedback.adminToken', 'wrong-token')
    render(<FeedbackDocumentView documentId="term-backlink" />)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Wrong admin token.'))
  })

  it('shows the votes on each published revision, newest first', async () => {
    sessionStorage.setItem('glossary.feedback.adminToken', 'right-token')
    render(<FeedbackDocumentView documentId="term-backlink" />)
    const table = await screen.findByRole('table', {name: 'Votes on each published revision, newest first'})
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['Current r2', '2026-11-01', '0%', '0', '1'],
      ['Earlier r1', '2026-10-02', '100%', '3', '0'],
    ])
    expect(screen.queryByRole('heading', {name: 'Needs review'})).not.toBeInTheDocument()
  })

  it('says why the term needs review', async () => {
    served = rankedFixture(true, {...DEFAULT_REVIEW_RULES, maxIncorrectReports: 1})
    sessionStorage.setItem('glossary.feedback.adminToken', 'right-token')
    render(<FeedbackDocumentView documentId="term-anchor-text" />)
    const section = (await screen.findByRole('heading', {name: 'Needs review'})).parentElement!
    expect(within(section).getByRole('listitem')).toHaveTextContent(
      '2 readers reported this revision incorrect or outdated',
    )
  })

  it('says when nobody has voted on the term yet', async () => {
    sessionStorage.setItem('glossary.feedback.adminToken', 'right-token')
    render(<FeedbackDocumentView documentId="term-without-votes" />)
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('No reader has voted on this term yet.'),
    )
  })
})
