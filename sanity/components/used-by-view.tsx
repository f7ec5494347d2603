import {useEffect, useMemo, useState} from 'react'
import {useClient} from 'sanity'
import {IntentLink} from 'sanity/router'
import type {UserViewComponent} from 'sanity/structure'

import {DEFAULT_API_VERSION} from '@/sanity/env'
import {USED_BY_LISTENER, USED_BY_QUERY} from '@/sanity/queries'
import type {USED_BY_QUERY_RESULT} from '@/sanity/sanity.types'

type State =
  {status: 'loading'} | {status: 'error'; message: string} | {status: 'done'; documents: USED_BY_QUERY_RESULT}

const TYPE_LABELS: Record<USED_BY_QUERY_RESULT[number]['_type'], string> = {term: 'Term', guide: 'Guide'}

const styles = {
  pane: {padding: '1.25rem', fontFamily: 'inherit', fontSize: '0.875rem', lineHeight: 1.5},
  list: {listStyle: 'none', margin: '1rem 0 0', padding: 0, display: 'grid', gap: '0.5rem'},
  link: {color: 'inherit', fontWeight: 600},
  type: {opacity: 0.7, marginLeft: '0.5rem'},
} as const

/**
 * A term's "Used by" tab: every term and guide that references it (as a related term, a hand-off,
 * a deeper guide or a link in the text), so an editor knows what a change touches. It shows
 * drafts as editors see them and updates as those documents change.
 */
export const UsedByView: UserViewComponent = ({documentId}) => {
  const studioClient = useClient({apiVersion: DEFAULT_API_VERSION})
  const client = useMemo(() => studioClient.withConfig({perspective: 'drafts'}), [studioClient])
  const [state, setState] = useState<State>({status: 'loading'})

  useEffect(() => {
    let current = true
    const load = () =>
      client.fetch<USED_BY_QUERY_RESULT>(USED_BY_QUERY, {id: documentId}).then(
        (documents) => current && setState({status: 'done', documents}),
        (error: Error) => current && setState({status: 'error', message: error.message}),
      )
    load()
    const subscription = client
      .listen(USED_BY_LISTENER, {id: documentId}, {visibility: 'query', includeResult: false})
      .subscribe({next: load})
    return () => {
      current = false
      subscription.unsubscribe()
    }
  }, [client, documentId])

  return (
    <section style={styles.pane} aria-labelledby="used-by-heading">
      <h2 id="used-by-heading" style={{fontSize: '1rem', margin: 0}}>
        Used by
      </h2>
      {state.status === 'loading' && <p role="status">Looking for documents that use this term…</p>}
      {state.status === 'error' && (
        <p role="alert">Could not load the documents that use this term: {state.message}</p>
      )}
      {state.status === 'done' && state.documents.length === 0 && (
        <p>No term or guide refers to this term yet, so changing it changes only its own page.</p>
      )}
      {state.status === 'done' && state.documents.length > 0 && (
        <>
          <p>
            {state.documents.length === 1 ? 'One document shows' : `${state.documents.length} documents show`}{' '}
            this term; their pages change with it.
          </p>
          <ul style={styles.list}>
            {state.documents.map((document) => (
              <li key={document._id}>
                <IntentLink
                  intent="edit"
                  params={{id: document._id, type: document._type}}
                  style={styles.link}
                >
                  {document.title || 'Untitled'}
                </IntentLink>
                <span style={styles.type}>{TYPE_LABELS[document._type]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
