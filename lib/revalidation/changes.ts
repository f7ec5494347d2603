import {isDeepStrictEqual} from 'node:util'

import {z} from 'zod'

import {SHOWN_FIELDS, type Surface} from '@/lib/content/dependencies'
import {referencesIn} from '@/lib/content/references'
import {PUBLISHED_TYPES, tags, type PublishedType} from '@/lib/content/tags'

/**
 * The webhook as configured in Sanity (docs/publishing-and-preview.md, "Creating the webhook").
 * Webhook projections cannot run sub-queries, so the payload carries the document before and
 * after the change; the handler works out which fields changed and looks up the documents around it.
 */
export const WEBHOOK_FILTER = `_type in [${PUBLISHED_TYPES.map((type) => `"${type}"`).join(', ')}]`
export const WEBHOOK_PROJECTION = `{_id, _type, "before": before(), "after": after()}`

const publishedDocument = z.looseObject({slug: z.looseObject({current: z.string().nullish()}).nullish()})

/** The webhook's payload: `before` is null for a new document, `after` null for a deleted one. */
export const changedDocumentSchema = z.object({
  _id: z.string().min(1),
  _type: z.enum(PUBLISHED_TYPES),
  before: publishedDocument.nullish(),
  after: publishedDocument.nullish(),
})

export type ChangedDocument = z.infer<typeof changedDocumentSchema>
type Version = ChangedDocument['before']

/** A published page: the type and slug of a document that has one. */
export type PageOf = {_type: string; slug: string | null}

/** The documents around a change, looked up after it: see PUBLISH_NEIGHBOURS_QUERY. */
export type Neighbours = {linkers: PageOf[]; linked: PageOf[]}

const slugOf = (version: Version) => version?.slug?.current || null

const isPublishedType = (type: string): type is PublishedType =>
  (PUBLISHED_TYPES as readonly string[]).includes(type)

/** The fields whose value differs between the two versions; every field for a creation or a deletion. */
function changedFields({_type, before, after}: ChangedDocument): string[] {
  const shown = Object.keys(SHOWN_FIELDS[_type])
  if (!before || !after) return shown
  return shown.filter((field) => !isDeepStrictEqual(before[field], after[field]))
}

const referencedIds = (version: Version) => new Set([...referencesIn(version)].map(({ref}) => ref))

/**
 * The documents whose pages list the changed one back: every document it references when a field
 * they show changed, else only those it stopped or started referencing.
 */
export function linkedIds(change: ChangedDocument): string[] {
  const before = referencedIds(change.before)
  const after = referencedIds(change.after)
  if (surfacesOf(change).has('linked')) return [...new Set([...before, ...after])]
  return [...before.symmetricDifference(after)]
}

function surfacesOf(change: ChangedDocument): Set<Surface> {
  return new Set(changedFields(change).flatMap((field) => SHOWN_FIELDS[change._type][field] ?? []))
}

export type StaleTags = {
  /** Refreshed in the background: the next visit gets the last page while the new one renders. */
  stale: string[]
  /** Rendered fresh on the next visit: a page that now redirects or 404s must never be served again. */
  expired: string[]
}

/**
 * Every cache tag a change makes stale, from the dependency map: the surfaces of each changed
 * field, resolved to tags through the documents around it. A document that moved, came or went
 * expires its own pages and its type's lists at once, so the next visit of the old address
 * redirects or 404s, and no list, sitemap or search answer shows it there again.
 */
export function tagsForChange(change: ChangedDocument, {linkers, linked}: Neighbours): StaleTags {
  const surfaces = surfacesOf(change)
  const stale = new Set<string>()
  const expired = new Set<string>()
  const [before, after] = [slugOf(change.before), slugOf(change.after)]
  // Its addresses and the lists of names they are looked up in: the old address's next render
  // must find the document's new name (or none), not a stale list.
  const addresses = before === after ? stale : expired
  if (surfaces.has('page')) {
    for (const slug of [after, before]) if (slug) addresses.add(tags.document(change._type, slug))
  }
  if (surfaces.has('lists')) addresses.add(tags.list(change._type))
  const pages = [...(surfaces.has('linkers') ? linkers : []), ...linked]
  for (const {_type, slug} of pages) {
    if (slug && isPublishedType(_type)) stale.add(tags.document(_type, slug))
  }
  return {stale: [...stale].filter((tag) => !expired.has(tag)), expired: [...expired]}
}
