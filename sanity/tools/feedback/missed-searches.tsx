import {useEffect, useMemo, useState} from 'react'
import {useClient} from 'sanity'
import {useRouter} from 'sanity/router'

import {isDraftId} from '@/lib/content/document-ids'
import {
  addAliasMutations,
  missedSearchOffer,
  newTermDraft,
  type MissedSearch,
  type MissedSearchOffer,
  type TermPair,
} from '@/lib/feedback/missed-search-actions'
import {buildSearchIndex, searchIndex} from '@/lib/search/search-index'
import {spellingVariantFinder} from '@/lib/search/spelling-variant'
import {formatDate} from '@/lib/text/dates'

import {DEFAULT_API_VERSION} from '@/sanity/env'
import {STUDIO_TERM_SEARCH_LISTENER, STUDIO_TERM_SEARCH_QUERY, TERM_PAIR_QUERY} from '@/sanity/queries'
import type {STUDIO_TERM_SEARCH_QUERY_RESULT, TERM_PAIR_QUERY_RESULT} from '@/sanity/sanity.types'
import {cell, numberCell} from './table-cells'

type StudioTerms = STUDIO_TERM_SEARCH_QUERY_RESULT

/** The offer for each missed search against the terms as editors see them now; handled ones left out. */
function offersFor(misses: MissedSearch[], terms: StudioTerms) {
  const index = buildSearchIndex(terms)
  const variantOf = spellingVariantFinder(terms.map(({_id, title, aliases}) => ({id: _id, title, aliases})))
  return misses
    .map((miss) => {
      const found = searchIndex(index, miss.query, 1).total > 0
      return {
        miss,
        offer: missedSearchOffer(miss.query, {found, variant: found ? null : variantOf(miss.query)}),
      }
    })
    .filter(({offer}) => offer.kind !== 'handled')
}

/** Every term as editors see them (drafts in place), kept current as anyone edits. */
function useStudioTerms() {
  const studioClient = useClient({apiVersion: DEFAULT_API_VERSION})
  const client = useMemo(() => studioClient.withConfig({perspective: 'drafts'}), [studioClient])
  const [terms, setTerms] = useState<StudioTerms | null>(null)
  const [error, setError] = useState('')
  const [reads, setReads] = useState(0)

  useEffect(() => {
    let current = true
    const load = () =>
      client.fetch<StudioTerms>(STUDIO_TERM_SEARCH_QUERY).then(
        (rows) => current && setTerms(rows),
        (failure: Error) => current && setError(`The terms could not be read: ${failure.message}`),
      )
    load()
    const subscription = client
      .listen(STUDIO_TERM_SEARCH_LISTENER, {}, {visibility: 'query', includeResult: false})
      .subscribe({next: load})
    return () => {
      current = false
      subscription.unsubscribe()
    }
  }, [client, reads])

  // After this editor's own write: the list need not wait for the listener's event.
  const readAgain = () => setReads((count) => count + 1)
  return {client, terms, error, readAgain}
}

const newDocumentId = () => crypto.randomUUID()

/**
 * The searches readers made that found nothing, each with what an editor can do about it: "Create
 * term" opens a new draft titled after the search, which it keeps as the draft's note; "Add as
 * alias" adds the search to the draft of the term it is a spelling variant of. A search that finds
 * a term now, even one still in a draft, has been handled and leaves the list. Every action reads
 * the content again first and says so, rather than acting, when it changed.
 */
export function MissedSearches({misses}: {misses: MissedSearch[]}) {
  const {client, terms, error, readAgain} = useStudioTerms()
  const router = useRouter()
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const offers = useMemo(() => (terms ? offersFor(misses, terms) : []), [misses, terms])

  async function act(work: () => Promise<string | void>) {
    setBusy(true)
    try {
      const said = await work()
      if (said) setNotice(said)
    } catch (failure) {
      setNotice(`Nothing was changed: ${(failure as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  const createTerm = (miss: MissedSearch) =>
    act(async () => {
      const now = await client.fetch<StudioTerms>(STUDIO_TERM_SEARCH_QUERY)
      if (offersFor([miss], now).length === 0) return `“${miss.query}” finds a term now: nothing to create.`
      const id = newDocumentId()
      const draft = newTermDraft(miss, id)
      if (!draft) return `“${miss.query}” cannot be a term’s title.`
      await client.create(draft)
      readAgain()
      router.navigateIntent('edit', {id, type: 'term'})
    })

  const addAlias = (miss: MissedSearch, offer: Extract<MissedSearchOffer, {kind: 'add-alias'}>) =>
    act(async () => {
      const stored = await client
        .withConfig({perspective: 'raw'})
        .fetch<TERM_PAIR_QUERY_RESULT>(TERM_PAIR_QUERY, {id: offer.variant.termId})
      const pair: TermPair = {
        published: stored.find((doc) => !isDraftId(doc._id)) ?? null,
        draft: stored.find((doc) => isDraftId(doc._id)) ?? null,
      }
      const mutations = addAliasMutations(pair, miss.query)
      if ('refused' in mutations) return `${mutations.refused} Nothing was changed.`
      try {
        await client.mutate(mutations, {visibility: 'sync'})
      } catch (failure) {
        if ((failure as {statusCode?: number}).statusCode === 409) {
          return `${offer.variant.termTitle} was edited while you looked: nothing was added. Check it and try again.`
        }
        throw failure
      }
      readAgain()
      return `“${miss.query}” is now an alias of ${offer.variant.termTitle}, in its draft.`
    })

  return (
    <section aria-labelledby="missed-searches-heading">
      <h2 id="missed-searches-heading">Searches that found nothing</h2>
      <p role="status">
        {notice || error || (terms === null ? 'Checking the searches against the terms…' : '')}
      </p>
      {terms && offers.length === 0 && <p>Every search readers made finds a term.</p>}
      {offers.length > 0 && (
        <table style={{borderCollapse: 'collapse'}}>
          <thead>
            <tr>
              <th scope="col" style={cell}>
                Search
              </th>
              <th scope="col" style={numberCell}>
                Times searched
              </th>
              <th scope="col" style={cell}>
                First seen
              </th>
              <th scope="col" style={cell}>
                Last seen
              </th>
              <th scope="col" style={cell}>
                Action
              </th>
            </tr>
          </thead>
          <tbody>
            {offers.map(({miss, offer}) => (
              <tr key={miss.query}>
                <th scope="row" style={{...cell, fontWeight: 'normal'}}>
                  {miss.query}
                </th>
                <td style={numberCell}>{miss.count}</td>
                <td style={cell}>{formatDate(miss.firstSeen)}</td>
                <td style={cell}>{formatDate(miss.lastSeen)}</td>
                <td style={cell}>
                  {offer.kind === 'create-term' && (
                    <button type="button" disabled={busy} onClick={() => createTerm(miss)}>
                      Create term “{offer.title}”
                    </button>
                  )}
                  {offer.kind === 'add-alias' && (
                    <button type="button" disabled={busy} onClick={() => addAlias(miss, offer)}>
                      Add as alias of {offer.variant.termTitle}
                    </button>
                  )}
                  {offer.kind === 'not-a-name' && 'Not a term’s name'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
