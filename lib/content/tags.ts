/** The document types the site shows. A publish of any other type changes no page. */
export const PUBLISHED_TYPES = ['term', 'guide', 'author', 'category'] as const

export type PublishedType = (typeof PUBLISHED_TYPES)[number]

const LIST_TAGS: Record<PublishedType, string> = {
  term: 'terms',
  guide: 'guides',
  author: 'authors',
  category: 'categories',
}

/**
 * Cache tags, named after what a query reads, so the revalidation webhook can work out from a
 * changed document which cached answers (and so which pages) it makes stale. See
 * ./dependencies for which change refreshes which tag.
 */
export const tags = {
  /** A query that reads one document, found by its slug: its page and outputs. */
  document: (type: PublishedType, slug: string) => `${type}:${slug}`,
  /** A query that reads documents of a type across the dataset, directly or through a reference. */
  list: (type: PublishedType) => LIST_TAGS[type],
}
