import {useId, useState} from 'react'

import {useAdminToken} from './use-feedback-summary'

/** Where an editor enters the admin token to see readers' feedback, or forgets it again. */
export function AdminTokenField() {
  const [token, setToken] = useAdminToken()
  const [draft, setDraft] = useState('')
  const id = useId()
  if (token) {
    return (
      <p style={{margin: 0}}>
        Readers’ feedback is shown for this browser session.{' '}
        <button type="button" onClick={() => setToken('')}>
          Forget the admin token
        </button>
      </p>
    )
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        setToken(draft.trim())
        setDraft('')
      }}
      style={{display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center'}}
    >
      <label htmlFor={id}>Admin token, to see readers’ feedback</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" disabled={!draft.trim()}>
        Show feedback
      </button>
    </form>
  )
}
