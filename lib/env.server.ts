import 'server-only'

import {DEFAULT_REVIEW_RULES, type ReviewRules} from '@/lib/feedback/needs-review'

/** Server-only settings. Secrets are read here and nowhere else, so they never reach a browser bundle. */

function optional(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value ? value : undefined
}

/** Read token: for private datasets, and to read drafts in draft mode (Optional; preview needs it). */
export const sanityReadToken = () => optional('SANITY_API_READ_TOKEN')

/** Shared secret that signs Sanity's revalidation webhook (Optional; without it every call is refused). */
export const sanityRevalidateSecret = () => optional('SANITY_REVALIDATE_SECRET')

/** Overrides the Content Lake host, for a proxy or a local stand-in in tests (Optional). */
export const sanityApiHost = () => optional('SANITY_API_HOST')

/** The embedded dataset the site reads when no Sanity project is configured. */
export const contentDatasetFile = () => optional('CONTENT_DATASET_FILE') ?? 'sanity/seed/dataset.ndjson'

/** Bearer token for /api/metrics and readiness detail (Optional; without it /api/metrics answers 404). */
export const metricsToken = () => optional('METRICS_TOKEN')

/** PostgreSQL for reader feedback (Optional); without it feedback goes to an embedded PGlite folder. */
export const databaseUrl = () => optional('DATABASE_URL')

/** The embedded feedback database's folder, used when DATABASE_URL is not set. */
export const feedbackDataDir = () => optional('FEEDBACK_DATA_DIR') ?? '.data/feedback'

/** Secret salt for hashing readers (Optional): without it a random salt is kept in the database. */
export const feedbackSalt = () => optional('FEEDBACK_SALT')

/** Bearer token that unlocks readers' comments in the feedback summary (Optional). */
export const feedbackAdminToken = () => optional('FEEDBACK_ADMIN_TOKEN')

function writesPerMinute(name: string, fallback: number): number {
  const value = optional(name)
  if (value === undefined) return fallback
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`${name} "${value}" must be a whole number of writes per minute, 1 or more.`)
  }
  return limit
}

/** Feedback writes allowed per reader (address and User-Agent) per clock minute. */
export const feedbackRateLimit = () => writesPerMinute('FEEDBACK_RATE_LIMIT', 20)

/**
 * Feedback writes allowed per address (an IPv6 /64) per clock minute, whatever the User-Agent:
 * enough for an office behind one address, too few to stuff a term's votes.
 */
export const feedbackAddressRateLimit = () => writesPerMinute('FEEDBACK_ADDRESS_RATE_LIMIT', 60)

/** Where `npm run feedback:report` looks for the running site first. */
export const feedbackReportUrl = () =>
  (optional('FEEDBACK_REPORT_URL') ?? 'http://localhost:3000').replace(/\/+$/, '')

function wholeNumber(name: string, fallback: number, {min, max}: {min: number; max: number}): number {
  const value = optional(name)
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} "${value}" must be a whole number from ${min} to ${max}.`)
  }
  return number
}

/** When a term is flagged "Needs review" in the Studio (docs/feedback.md); each setting Optional. */
export const reviewRules = (): ReviewRules => ({
  minHelpfulPercent: wholeNumber('REVIEW_MIN_HELPFUL_PERCENT', DEFAULT_REVIEW_RULES.minHelpfulPercent, {
    min: 1,
    max: 100,
  }),
  minVotes: wholeNumber('REVIEW_MIN_VOTES', DEFAULT_REVIEW_RULES.minVotes, {min: 1, max: 1_000_000}),
  maxAgeMonths: wholeNumber('REVIEW_AFTER_MONTHS', DEFAULT_REVIEW_RULES.maxAgeMonths, {min: 1, max: 120}),
  maxIncorrectReports: wholeNumber('REVIEW_MAX_INCORRECT_REPORTS', DEFAULT_REVIEW_RULES.maxIncorrectReports, {
    min: 0,
    max: 1_000_000,
  }),
})

/**
 * How the site treats the Content Lake when it fails (docs/operations.md "When the Content Lake
 * fails"): each reader's query gets `timeoutMs` in all, a retry included; a connection gets
 * `connectTimeoutMs` to open; after `failuresToOpen` failed queries in a row the lake is left
 * alone for `cooldownSeconds` (longer when it asked for that with Retry-After).
 */
export const contentLakeFaultSettings = () => ({
  timeoutMs: wholeNumber('CONTENT_LAKE_TIMEOUT_MS', 1500, {min: 100, max: 60_000}),
  connectTimeoutMs: wholeNumber('CONTENT_LAKE_CONNECT_TIMEOUT_MS', 500, {min: 50, max: 60_000}),
  failuresToOpen: wholeNumber('CONTENT_LAKE_BREAKER_FAILURES', 3, {min: 1, max: 100}),
  cooldownSeconds: wholeNumber('CONTENT_LAKE_COOLDOWN_SECONDS', 5, {min: 1, max: 600}),
})
