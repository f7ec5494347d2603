import {STUDIO_PATH} from '@/sanity/env'

/** The public origin of the site, used for canonical URLs, share links and feeds. */
export const siteUrl = (process.env.NEXT_PUBLIC_SITE_URL || 'http://localhost:3000').replace(/\/+$/, '')

export const siteName = 'Search Glossary'

export const absoluteUrl = (path: string) => `${siteUrl}${path.startsWith('/') ? path : `/${path}`}`

export const termPath = (slug: string) => `/glossary/${slug}`
export const authorPath = (slug: string) => `/authors/${slug}`
export const guidePath = (slug: string) => `/guides/${slug}`
export const categoryPath = (slug: string) => `/glossary/category/${slug}`
/** A letter's page of the index, by its URL spelling (`letterSlug` in lib/content/glossary-index). */
export const letterPath = (slug: string) => `/glossary/letter/${slug}`
/** The Markdown rendition of a term (served by app/api/markdown through a rewrite). */
export const termMarkdownPath = (slug: string) => `${termPath(slug)}.md`
/**
 * Opens a document in the embedded Studio's editor, by Sanity's edit intent: `id` is the published
 * id, and the type spares the Studio a lookup before it opens the form.
 */
export const studioEditPath = (id: string, type: string) =>
  `${STUDIO_PATH}/intent/edit/id=${encodeURIComponent(id)};type=${encodeURIComponent(type)}`
/** The Studio's Feedback tool, where a missed search becomes a term or an alias. */
export const studioFeedbackPath = `${STUDIO_PATH}/feedback`
/** The Atom feed of recently reviewed terms (app/feed.xml). */
export const feedPath = '/feed.xml'

/**
 * A public page's `alternates` metadata: its canonical URL and the site's feed, plus any other
 * rendition of the page (`text/markdown` for a term). Next replaces a layout's `alternates` with a
 * page's whole, so every page names the feed itself, through here.
 */
export function pageAlternates(path: string, renditions: Record<string, string> = {}) {
  return {
    canonical: absoluteUrl(path),
    types: {'application/atom+xml': absoluteUrl(feedPath), ...renditions},
  }
}
