import type {MetadataRoute} from 'next'

import type {PublishedPages} from '@/lib/content'

import {absoluteUrl, authorPath, categoryPath, guidePath, termPath} from '@/lib/site/urls'

/** The later of two ISO dates (either may be missing). */
const later = (a: string | undefined, b: string) => (a && a > b ? a : b)

/**
 * Every published page once, with absolute URLs. `lastModified` is the editorial "updated" date:
 * a term's own, and for a page that lists terms or guides, the latest of theirs.
 */
export function sitemapEntries({terms, guides, authors, categories}: PublishedPages): MetadataRoute.Sitemap {
  const latestByCategory = new Map<string, string>()
  const latestByAuthor = new Map<string, string>()
  let latest: string | undefined
  for (const term of terms) {
    latestByCategory.set(term.category, later(latestByCategory.get(term.category), term.updated))
    latestByAuthor.set(term.author, later(latestByAuthor.get(term.author), term.updated))
    latest = later(latest, term.updated)
  }
  for (const guide of guides) {
    latestByAuthor.set(guide.author, later(latestByAuthor.get(guide.author), guide.updated))
  }

  const entry = (path: string, lastModified: string | undefined) => ({
    url: absoluteUrl(path),
    ...(lastModified ? {lastModified} : {}),
  })
  return [
    entry('/', latest),
    entry('/glossary', latest),
    ...terms.map((term) => entry(termPath(term.slug), term.updated)),
    ...categories.map((category) => entry(categoryPath(category.slug), latestByCategory.get(category._id))),
    ...guides.map((guide) => entry(guidePath(guide.slug), guide.updated)),
    ...authors.map((author) => entry(authorPath(author.slug), latestByAuthor.get(author._id))),
  ]
}
