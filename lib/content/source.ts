import type {ClientPerspective} from '@sanity/client'

export type QueryParams = Record<string, unknown>

export type FetchOptions = {
  /**
   * Read through an editor's perspective (drafts, or a release stack) in draft mode: Content Lake
   * only, never cached. `stega` embeds invisible edit markers in the text, so it is asked for
   * only where the text is shown on the page.
   */
  draft?: {perspective: ClientPerspective; stega: boolean}
  /** Skip the data cache: for look-ups that must see the latest publish, such as the revalidation webhook's. */
  fresh?: boolean
}

/**
 * Where content comes from: the Sanity Content Lake or the embedded dataset. Both run the very
 * same GROQ, so the generated result types hold for either.
 */
export interface ContentSource {
  fetch<Result>(query: string, params: QueryParams, tags: string[], options?: FetchOptions): Promise<Result>
  /**
   * Called once at server start; a failure here stops start-up. Says how many published documents
   * it loaded, or null when nothing is loaded up front (the Content Lake is asked per query).
   */
  warmUp(): Promise<number | null>
  /**
   * Changes whenever the list of terms changes. Cheap to ask for on every request, so work built
   * from all terms (the search index) can be kept until the content really changed.
   */
  version(): Promise<string>
}
