import {LinkIcon} from '@sanity/icons/Link'
import {useCallback, useEffect, useMemo, useState, useSyncExternalStore} from 'react'
import {useClient, useDocumentOperation, type DocumentActionComponent} from 'sanity'

import {linkMentionPatch, mentionContext} from '@/lib/links/link-mention'
import {mentionFinder, type MentionableTerm, type UnlinkedMention} from '@/lib/links/unlinked-mentions'

import {DEFAULT_API_VERSION} from '@/sanity/env'
import {MENTIONABLE_TERMS_QUERY} from '@/sanity/queries'
import type {MENTIONABLE_TERMS_QUERY_RESULT} from '@/sanity/sanity.types'

const newKey = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12)

/**
 * Which document's dialog is open and what it last said, kept outside the action: the Studio
 * mounts document actions again when the list of actions changes (a first edit makes a draft and
 * brings Discard changes), and the dialog must stay open through that with its message.
 */
const dialogs = new Map<string, string>()
const dialogListeners = new Set<() => void>()

function useDialog(documentId: string) {
  const subscribe = useCallback((listener: () => void) => {
    dialogListeners.add(listener)
    return () => dialogListeners.delete(listener)
  }, [])
  const notice = useSyncExternalStore(subscribe, () => dialogs.get(documentId))
  const set = useCallback(
    (next: string | undefined) => {
      if (next === undefined) dialogs.delete(documentId)
      else dialogs.set(documentId, next)
      dialogListeners.forEach((listener) => listener())
    },
    [documentId],
  )
  return {open: notice !== undefined, notice: notice ?? '', show: set}
}

/**
 * "Link mentions" on a guide or a term: lists where its text names a published term without
 * linking it (lib/links/unlinked-mentions.ts), and turns the one the editor picks into a link, as
 * a draft edit. A mention whose text changed since the list was made is not touched: the editor
 * is told, and the list is made again from the document as it is now.
 */
export const LinkMentionsAction: DocumentActionComponent = (props) => {
  const {patch} = useDocumentOperation(props.id, props.type)
  const client = useClient({apiVersion: DEFAULT_API_VERSION})
  const {open, notice, show} = useDialog(props.id)
  const [terms, setTerms] = useState<MentionableTerm[] | null>(null)
  const document = props.draft ?? props.published

  useEffect(() => {
    if (!open || terms) return
    client
      .fetch<MENTIONABLE_TERMS_QUERY_RESULT>(MENTIONABLE_TERMS_QUERY)
      .then((rows) =>
        setTerms(rows.map((row) => ({id: row._id, title: row.title, aliases: row.aliases ?? []}))),
      )
      .catch((error: Error) => show(`The terms could not be read: ${error.message}`))
  }, [open, terms, client, show])

  // Made once per term list: reading every term's names costs more than searching the document.
  const unlinkedMentionsIn = useMemo(() => terms && mentionFinder(terms), [terms])
  const mentions = useMemo(
    () => (unlinkedMentionsIn && document ? unlinkedMentionsIn(document) : null),
    [unlinkedMentionsIn, document],
  )

  function link(mention: UnlinkedMention) {
    const next = document && linkMentionPatch(document, mention, newKey)
    if (!next) {
      show(
        `The text around “${mention.text}” changed since this list was made: it is listed again as it is now.`,
      )
      return
    }
    patch.execute([next])
    show(`“${mention.text}” now links to ${mention.termTitle} (in the draft).`)
  }

  return {
    label: 'Link mentions',
    icon: LinkIcon,
    onHandle: () => show(''),
    dialog: open && {
      type: 'dialog',
      header: 'Unlinked mentions of terms',
      onClose: () => show(undefined),
      content: (
        <div style={{padding: '0.5rem 0'}}>
          <p role="status">
            {notice ||
              (mentions === null
                ? 'Reading the terms…'
                : mentions.length === 0
                  ? 'Every mention of a term is linked.'
                  : `${mentions.length} ${mentions.length === 1 ? 'mention' : 'mentions'} of a term without a link.`)}
          </p>
          <ul style={{listStyle: 'none', padding: 0}}>
            {mentions?.map((mention) => {
              const {before, after} = mentionContext(document!, mention)
              return (
                <li
                  key={`${mention.spanKey}:${mention.start}`}
                  style={{display: 'flex', gap: '0.75rem', alignItems: 'baseline', marginBottom: '0.5rem'}}
                >
                  <span style={{flex: 1}}>
                    …{before}
                    <mark>{mention.text}</mark>
                    {after}… → <strong>{mention.termTitle}</strong>
                    {mention.linkedElsewhere && ' (linked elsewhere in this document)'}
                  </span>
                  <button type="button" onClick={() => link(mention)}>
                    Link “{mention.text}”
                  </button>
                </li>
              )
            })}
          </ul>
        </div>
      ),
    },
  }
}
LinkMentionsAction.displayName = 'LinkMentionsAction'
