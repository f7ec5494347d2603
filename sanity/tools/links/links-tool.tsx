import {useEffect, useState, type CSSProperties, type ReactNode} from 'react'
import {useClient} from 'sanity'
import {IntentLink} from 'sanity/router'

import {publishedIdOf} from '@/lib/content/document-ids'
import {
  buildLinkReport,
  type DocumentSummary,
  type LinkReport,
  type ReferenceProblem,
} from '@/lib/links/report'
import {DEFAULT_API_VERSION} from '@/sanity/env'
import {LINK_REPORT_DOCUMENTS_QUERY} from '@/sanity/queries'
import type {LINK_REPORT_DOCUMENTS_QUERY_RESULT} from '@/sanity/sanity.types'

type State =
  | {status: 'loading'}
  | {status: 'failed'; message: string}
  | {status: 'ready'; report: LinkReport; checkedAt: Date}

const styles = {
  page: {padding: '1.5rem 2rem', overflow: 'auto', height: '100%', boxSizing: 'border-box', lineHeight: 1.5},
  section: {marginTop: '1.75rem'},
  heading: {fontSize: '1rem', margin: '0 0 0.5rem'},
  list: {margin: 0, paddingLeft: '1.25rem'},
  muted: {opacity: 0.7},
  bad: {color: '#c3002f', fontWeight: 600},
  good: {color: '#1c7c3c', fontWeight: 600},
  button: {font: 'inherit', padding: '0.25rem 0.75rem', cursor: 'pointer'},
} satisfies Record<string, CSSProperties>

function DocumentLink({doc}: {doc: DocumentSummary}) {
  return (
    <IntentLink intent="edit" params={{id: publishedIdOf(doc.id), type: doc.type}}>
      {doc.title}
    </IntentLink>
  )
}

function Section({title, count, children}: {title: string; count: number; children: ReactNode}) {
  return (
    <section style={styles.section}>
      <h2 style={styles.heading}>
        {title} ({count})
      </h2>
      {count === 0 ? <p style={styles.muted}>None.</p> : children}
    </section>
  )
}

function Problems({entries}: {entries: ReferenceProblem[]}) {
  return (
    <ul style={styles.list}>
      {entries.map((entry) => (
        <li key={`${entry.source.id} ${entry.path}`}>
          <DocumentLink doc={entry.source} /> {!entry.source.published && <em>(draft) </em>}
          <code>{entry.path}</code> → <code>{entry.targetId}</code>
        </li>
      ))}
    </ul>
  )
}

function Terms({terms}: {terms: DocumentSummary[]}) {
  return (
    <ul style={styles.list}>
      {terms.map((term) => (
        <li key={term.id}>
          <DocumentLink doc={term} />
        </li>
      ))}
    </ul>
  )
}

function Report({report}: {report: LinkReport}) {
  return (
    <>
      <p style={report.passes ? styles.good : styles.bad}>
        {report.passes
          ? 'No published document links to a missing document.'
          : 'A published document links to a missing document.'}
      </p>
      <p style={styles.muted}>
        {report.counts.terms} terms, {report.counts.guides} guides, {report.counts.drafts} drafts.
      </p>
      <Section title="References to missing documents" count={report.missing.length}>
        <Problems entries={report.missing} />
      </Section>
      <Section title="References to unpublished (drafts-only) documents" count={report.unpublished.length}>
        <Problems entries={report.unpublished} />
      </Section>
      <Section title="Orphan terms: nothing links to them" count={report.orphanTerms.length}>
        <Terms terms={report.orphanTerms} />
      </Section>
      <Section title="Terms with no related terms" count={report.termsWithoutRelated.length}>
        <Terms terms={report.termsWithoutRelated} />
      </Section>
      <Section title="Most-linked terms" count={report.mostLinked.length}>
        <ol style={styles.list}>
          {report.mostLinked.map(({term, linkedFrom}) => (
            <li key={term.id}>
              <DocumentLink doc={term} /> <span style={styles.muted}>linked from {linkedFrom}</span>
            </li>
          ))}
        </ol>
      </Section>
    </>
  )
}

/**
 * Runs the link report over the dataset the Studio edits. The raw perspective includes drafts,
 * which the report needs to tell "missing" from "not published yet".
 */
export function LinksTool() {
  const client = useClient({apiVersion: DEFAULT_API_VERSION})
  const [state, setState] = useState<State>({status: 'loading'})
  const [run, setRun] = useState(0)

  useEffect(() => {
    let current = true
    client
      .withConfig({perspective: 'raw'})
      .fetch<LINK_REPORT_DOCUMENTS_QUERY_RESULT>(LINK_REPORT_DOCUMENTS_QUERY)
      .then(
        (documents) =>
          current && setState({status: 'ready', report: buildLinkReport(documents), checkedAt: new Date()}),
        (error: Error) => current && setState({status: 'failed', message: error.message}),
      )
    return () => {
      current = false
    }
  }, [client, run])

  return (
    <div style={styles.page}>
      <h1 style={{fontSize: '1.5rem', margin: 0}}>Link report</h1>
      <p style={styles.muted}>
        Which terms nothing links to, which references are broken or point at unpublished documents, and which
        terms are linked most. The same report runs in CI as <code>npm run links:report</code>.
      </p>
      <p>
        <button
          type="button"
          style={styles.button}
          disabled={state.status === 'loading'}
          onClick={() => {
            setState({status: 'loading'})
            setRun((count) => count + 1)
          }}
        >
          {state.status === 'loading' ? 'Checking…' : 'Check again'}
        </button>
        {state.status === 'ready' && (
          <span style={{...styles.muted, marginLeft: '0.75rem'}}>
            Checked at {state.checkedAt.toLocaleTimeString()}
          </span>
        )}
      </p>
      {state.status === 'failed' && (
        <p role="alert" style={styles.bad}>
          Could not load the documents: {state.message}
        </p>
      )}
      {state.status === 'ready' && <Report report={state.report} />}
    </div>
  )
}
