/** @jest-environment jsdom */
import {fireEvent, render, screen, waitFor, within} from '@testing-library/react'

import {STUDIO_TERM_SEARCH_QUERY, TERM_PAIR_QUERY} from '@/sanity/queries'
import type {STUDIO_TERM_SEARCH_QUERY_RESULT} from '@/sanity/sanity.types'
import {MissedSearches} from '@/sanity/tools/feedback/missed-searches'

type Listener = () => void

/**
 * The Studio's client as the tool uses it (the `sanity` package cannot load under Jest): terms as
 * editors see them, a term's stored pair, every mutation sent, and a listener told of each change.
 */
const studio = {
  terms: [] as STUDIO_TERM_SEARCH_QUERY_RESULT,
  pair: [] as object[],
  sent: [] as object[],
  /** The Content Lake's answer to a patch whose revision moved on. */
  conflict: false,
  listeners: new Set<Listener>(),
}
const changed = () => studio.listeners.forEach((listener) => listener())
const client = {
  withConfig: () => client,
  fetch: async (query: string, params?: {id: string}) => {
    if (query === STUDIO_TERM_SEARCH_QUERY) return JSON.parse(JSON.stringify(studio.terms))
    if (query === TERM_PAIR_QUERY && params?.id) return JSON.parse(JSON.stringify(studio.pair))
    throw new Error(`unexpected query ${query}`)
  },
  listen: () => ({
    subscribe: ({next}: {next: Listener}) => {
      studio.listeners.add(next)
      return {unsubscribe: () => studio.listeners.delete(next)}
    },
  }),
  create: async (document: {_id: string; title: string}) => {
    studio.sent.push({create: document})
    const id = document._id.replace('drafts.', '')
    studio.terms.push({_id: id, title: document.title, aliases: null, slug: '', shortDefinition: ''})
    changed()
  },
  mutate: async (mutations: {patch?: {id: string; insert?: {items: string[]}}}[]) => {
    if (studio.conflict) throw Object.assign(new Error('revision mismatch'), {statusCode: 409})
    studio.sent.push(...mutations)
    for (const {patch} of mutations) {
      const term = studio.terms.find((known) => `drafts.${known._id}` === patch?.id)
      if (term && patch?.insert) term.aliases = [...(term.aliases ?? []), ...patch.insert.items]
    }
    changed()
  },
}
const navigateIntent = jest.fn()
jest.mock('sanity', () => ({useClient: () => client}))
jest.mock('sanity/router', () => ({useRouter: () => ({navigateIntent})}))

const term = (id: string, title: string, aliases: string[] | null = null) => ({
  _id: id,
  title,
  aliases,
  slug: id.replace('term-', ''),
  shortDefinition: `What ${title} means.`,
})
const miss = (query: string, count: number) => ({
  query,
  count,
  firstSeen: '2026-11-03T10:00:00.000Z',
  lastSeen: '2026-12-05T08:00:00.000Z',
})
const MISSES = [miss('crawl budget', 9), miss('back links', 5), miss('link juice', 4), miss('?!?', 2)]
const publishedBacklink = {
  _id: 'term-backlink',
  _type: 'term',
  _rev: 'p1',
  title: 'Backlink',
  aliases: ['Inbound link'],
}

beforeEach(() => {
  studio.terms = [
    term('term-backlink', 'Backlink', ['Inbound link']),
    term('term-equity', 'Link equity', ['link juice']),
  ]
  studio.pair = [publishedBacklink]
  studio.sent = []
  studio.conflict = false
  navigateIntent.mockClear()
  jest.spyOn(crypto, 'randomUUID').mockReturnValue('00000000-0000-4000-8000-000000000001')
})

const rowOf = (query: string) => screen.getByRole('rowheader', {name: query}).closest('tr')!
const statusText = () => screen.getByRole('status').textContent

describe('the missed searches in the Feedback tool', () => {
  it('offers a new term or an alias for each search that still finds nothing, with its counts and dates', async () => {
    render(<MissedSearches misses={MISSES} />)
    const crawl = within(await waitFor(() => rowOf('crawl budget')))
    expect(crawl.getByRole('cell', {name: '9'})).toBeVisible()
    expect(crawl.getByRole('cell', {name: '3 Nov 2026'})).toBeVisible()
    expect(crawl.getByRole('cell', {name: '5 Dec 2026'})).toBeVisible()
    expect(crawl.getByRole('button', {name: 'Create term “Crawl budget”'})).toBeEnabled()
    expect(within(rowOf('back links')).getByRole('button', {name: 'Add as alias of Backlink'})).toBeEnabled()
    // Not a name: no action that could make it a title.
    expect(within(rowOf('?!?')).queryByRole('button')).toBeNull()
    expect(within(rowOf('?!?')).getByText('Not a term’s name')).toBeVisible()
    // "link juice" is an alias now: search finds it, so it has been handled.
    expect(screen.queryByRole('rowheader', {name: 'link juice'})).toBeNull()
  })

  it('creates a draft term titled after the search, with the search as its note, and opens it', async () => {
    render(<MissedSearches misses={MISSES} />)
    fireEvent.click(await screen.findByRole('button', {name: 'Create term “Crawl budget”'}))
    await waitFor(() => expect(navigateIntent).toHaveBeenCalled())
    expect(studio.sent).toEqual([
      {
        create: {
          _id: 'drafts.00000000-0000-4000-8000-000000000001',
          _type: 'term',
          title: 'Crawl budget',
          editorialNote:
            'Readers searched for “crawl budget” 9 times between 3 Nov 2026 and 5 Dec 2026 and found nothing.',
        },
      },
    ])
    expect(navigateIntent).toHaveBeenCalledWith('edit', {
      id: '00000000-0000-4000-8000-000000000001',
      type: 'term',
    })
    // The draft answers the search: the search leaves the list.
    await waitFor(() => expect(screen.queryByRole('rowheader', {name: 'crawl budget'})).toBeNull())
  })

  it('adds the search as an alias in the term’s draft, and the search leaves the list', async () => {
    render(<MissedSearches misses={MISSES} />)
    fireEvent.click(await screen.findByRole('button', {name: 'Add as alias of Backlink'}))
    await waitFor(() => expect(statusText()).toBe('“back links” is now an alias of Backlink, in its draft.'))
    expect(studio.sent).toEqual([
      {
        createIfNotExists: {
          _id: 'drafts.term-backlink',
          _type: 'term',
          title: 'Backlink',
          aliases: ['Inbound link'],
        },
      },
      {
        patch: {
          id: 'drafts.term-backlink',
          setIfMissing: {aliases: []},
          insert: {after: 'aliases[-1]', items: ['back links']},
        },
      },
    ])
    await waitFor(() => expect(screen.queryByRole('rowheader', {name: 'back links'})).toBeNull())
  })

  it('tells the editor, and changes nothing, when the term was edited or deleted meanwhile', async () => {
    studio.pair = [publishedBacklink, {...publishedBacklink, _id: 'drafts.term-backlink', _rev: 'd1'}]
    studio.conflict = true
    render(<MissedSearches misses={MISSES} />)
    fireEvent.click(await screen.findByRole('button', {name: 'Add as alias of Backlink'}))
    await waitFor(() =>
      expect(statusText()).toBe(
        'Backlink was edited while you looked: nothing was added. Check it and try again.',
      ),
    )
    studio.pair = []
    fireEvent.click(screen.getByRole('button', {name: 'Add as alias of Backlink'}))
    await waitFor(() =>
      expect(statusText()).toBe('The term was deleted since this list was made. Nothing was changed.'),
    )
    expect(studio.sent).toEqual([])
  })

  it('creates nothing when a term answering the search appeared since the list was made', async () => {
    render(<MissedSearches misses={MISSES} />)
    const button = await screen.findByRole('button', {name: 'Create term “Crawl budget”'})
    // Someone else's term, not yet heard of by this list.
    studio.terms.push(term('term-crawl', 'Crawl budget'))
    fireEvent.click(button)
    await waitFor(() => expect(statusText()).toBe('“crawl budget” finds a term now: nothing to create.'))
    expect(studio.sent).toEqual([])
    expect(navigateIntent).not.toHaveBeenCalled()
  })

  it('says when every search finds a term', async () => {
    render(<MissedSearches misses={[miss('link juice', 3)]} />)
    expect(await screen.findByText('Every search readers made finds a term.')).toBeVisible()
    expect(screen.queryByRole('table')).toBeNull()
  })
})
