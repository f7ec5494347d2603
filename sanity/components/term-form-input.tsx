import type {ObjectInputProps} from 'sanity'

import {termReadingMinutes} from '@/lib/text/reading-time'

type TermDraft = Parameters<typeof termReadingMinutes>[0]

/**
 * The term form, headed by the reading time its page will show, worked out from the draft as
 * the editor writes (the same calculation as the page).
 */
export function TermFormInput(props: ObjectInputProps) {
  const minutes = termReadingMinutes((props.value ?? {}) as TermDraft)
  return (
    <div style={{display: 'grid', gap: '1rem'}}>
      <p role="status" style={{margin: 0, fontSize: '0.875rem'}}>
        Reading time: <strong>{minutes} min</strong>, as the page will show it.
      </p>
      {props.renderDefault(props)}
    </div>
  )
}
