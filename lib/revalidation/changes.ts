import {z} from 'zod'

import {tags} from '../content/tags'

/** The document types pages show: the webhook fires for these, and a delivery for another is refused. */
export const PUBLISHED_TYPES = ['term', 'author', 'guide', 'category'] as const

/**
 * The webhook as configured in Sanity (see the README). Webhook projections cannot run
 * sub-queries, so the payload names only the document and its slug before and after the
 * change; the handler looks up who references it.
 */
export const WEBHOOK_FILTER = `_type in [${PUBLISHED_TYPES.map((type) => `"${type}"`).join(', ')}]`
export const WEBHOOK_PROJECTION = `{_id, _type, "slug": after().slug.current, "previousSlug": before().slug.current}`

/** The webhook's payload: `slug` is null after a delete, `previousSlug` null after a create. */
export const changedDocumentSchema = z.object({
  _id: z.string().min(1),
  _type: z.enum(PUBLISHED_TYPES),
  slug: z.string().min(1).nullish(),
  previousSlug: z.string().min(1).nullish(),
})

export type ChangedDocument = z.infer<typeof changedDocumentSchema>

/** A published document that references the changed one. */
export type Referrer = {_type: string; slug: string | null}

/** The tag of the page each document type has. */
const pageTag: Partial<Record<string, (slug: string) => string>> = {
  term: tags.term,
  author: tags.author,
  guide: tags.guide,
}

/** The lists a change to each type can alter. */
const listTags: Partial<Record<string, string[]>> = {
  // The index, search, sitemap and the alias and old-slug redirects all come from the term list.
  term: [tags.termIndex],
  author: [tags.authors],
  // The guide index and the sitemap.
  guide: [tags.guides],
  // The index shows each term's category.
  category: [tags.termIndex],
}

/**
 * Every cache tag a change makes stale: the document's own page under its new and its old slug
 * (the old address turns into a redirect or a 404), the lists it appears in, and the page of
 * every document that shows it (a renamed author refreshes the terms that credit them).
 */
export function tagsForChange(change: ChangedDocument, referencedBy: Referrer[]): string[] {
  const stale = new Set<string>()
  const ownPage = pageTag[change._type]
  for (const slug of [change.slug, change.previousSlug]) {
    if (ownPage && slug) stale.add(ownPage(slug))
  }
  for (const tag of listTags[change._type] ?? []) stale.add(tag)
  for (const referrer of referencedBy) {
    const page = pageTag[referrer._type]
    if (page && referrer.slug) stale.add(page(referrer.slug))
  }
  return [...stale]
}
