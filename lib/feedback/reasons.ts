/**
 * The fixed follow-up reasons a reader can give after a vote. Shared by the API's validation, the
 * reader's widget and the content team's views, so it has no dependencies (it ships to the browser).
 */
export const VOTES = ['yes', 'no'] as const
export type Vote = (typeof VOTES)[number]

export const REASONS = {
  yes: {
    clear: 'Clear explanation',
    'good-example': 'Good example',
    other: 'Other',
  },
  no: {
    'hard-to-understand': 'Hard to understand',
    'incorrect-or-outdated': 'Incorrect or outdated',
    'missing-information': 'Missing what I needed',
    other: 'Other',
  },
} as const satisfies Record<Vote, Record<string, string>>

export type Reason = {[V in Vote]: keyof (typeof REASONS)[V]}[Vote]

export const REASON_CODES = [
  ...new Set(VOTES.flatMap((vote) => Object.keys(REASONS[vote]))),
] as readonly Reason[]

export const COMMENT_MAX_LENGTH = 500

export function reasonLabel(vote: Vote, reason: string): string {
  return (REASONS[vote] as Record<string, string>)[reason] ?? reason
}

export function isReasonFor(vote: Vote, reason: string): boolean {
  return Object.hasOwn(REASONS[vote], reason)
}
