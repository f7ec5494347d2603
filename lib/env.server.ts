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
