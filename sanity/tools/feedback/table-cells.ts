/** The cells of the Feedback tool's tables: the terms and the missed searches look alike. */
export const cell = {
  padding: '0.5rem 0.75rem',
  borderBottom: '1px solid var(--card-border-color, #dcdcdc)',
  textAlign: 'left',
  verticalAlign: 'top',
} as const

/** A count, aligned so its digits line up. */
export const numberCell = {...cell, textAlign: 'right'} as const
