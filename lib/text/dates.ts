const displayDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "2026-03-25" → "25 Mar 2026". Dates are calendar dates, so they are read and shown in UTC. */
export function formatDate(isoDate: string): string {
  return displayDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`))
}
