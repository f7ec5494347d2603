/**
 * Cache tags. A page is tagged with what it shows; the revalidation webhook maps a changed
 * document to these tags (including the pages of every document that references it).
 */
export const tags = {
  term: (slug: string) => `term:${slug}`,
  author: (slug: string) => `author:${slug}`,
  guide: (slug: string) => `guide:${slug}`,
  /** Lists of terms: the index, search, sitemap, feeds and the alias redirects. */
  termIndex: 'term-index',
  authors: 'authors',
  /** Lists of guides: the guide index and its page list. */
  guides: 'guides',
}
