/** Votes and rate limits for feedback store tests, as the route would pass them to `recordVote`. */
import type {FeedbackStore} from '@/lib/feedback/store'

/** Each reader on an address of their own unless a test says otherwise. */
export const vote = (overrides: Partial<Parameters<FeedbackStore['recordVote']>[0]> = {}) => {
  const readerHash = overrides.readerHash ?? 'reader-a'
  return {
    termId: 'term-backlink',
    termRev: 'rev-1',
    readerHash,
    addressHash: `address:${readerHash}`,
    vote: 'yes' as const,
    ...overrides,
  }
}

/** A per-reader limit, with an address budget that does not get in the way. */
export const perReader = (writes: number) => ({perReader: writes, perAddress: 100_000})
