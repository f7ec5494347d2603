import 'server-only'

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
