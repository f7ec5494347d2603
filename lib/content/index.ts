import 'server-only'

import path from 'node:path'

import {sanityProject} from '@/sanity/env'
import {
  AUTHOR_QUERY,
  AUTHOR_SLUGS_QUERY,
  GUIDE_INDEX_QUERY,
  GUIDE_QUERY,
  GUIDE_SLUGS_QUERY,
  LINK_REPORT_DOCUMENTS_QUERY,
  MOVED_PAGE_QUERY,
  CATEGORIES_QUERY,
  CATEGORY_QUERY,
  RECENT_TERMS_QUERY,
  SITEMAP_QUERY,
  PUBLISH_NEIGHBOURS_QUERY,
  TERM_INDEX_QUERY,
  TERM_NAMES_QUERY,
  TERM_QUERY,
  TERM_REVISION_QUERY,
  TERM_REVISIONS_QUERY,
  TERM_SLUGS_QUERY,
  TERM_SUMMARY_QUERY,
} from '@/sanity/queries'
import type {
  AUTHOR_QUERY_RESULT,
  AUTHOR_SLUGS_QUERY_RESULT,
  GUIDE_INDEX_QUERY_RESULT,
  GUIDE_QUERY_RESULT,
  GUIDE_SLUGS_QUERY_RESULT,
  LINK_REPORT_DOCUMENTS_QUERY_RESULT,
  MOVED_PAGE_QUERY_RESULT,
  CATEGORIES_QUERY_RESULT,
  CATEGORY_QUERY_RESULT,
  RECENT_TERMS_QUERY_RESULT,
  SITEMAP_QUERY_RESULT,
  PUBLISH_NEIGHBOURS_QUERY_RESULT,
  TERM_INDEX_QUERY_RESULT,
  TERM_NAMES_QUERY_RESULT,
  TERM_QUERY_RESULT,
  TERM_REVISION_QUERY_RESULT,
  TERM_REVISIONS_QUERY_RESULT,
  TERM_SLUGS_QUERY_RESULT,
  TERM_SUMMARY_QUERY_RESULT,
} from '@/sanity/sanity.types'
import {contentDatasetFile, sanityApiHost, sanityReadToken} from '@/lib/env.server'
import {processWide} from '@/lib/runtime/process-wide.mjs'
import {createLocalSource} from '@/lib/content/embedded/local-source'
import {observedSource} from './observed-source'
import type {ContentSource, FetchOptions, QueryParams} from './source'
import {PUBLISHED_TYPES, tags, type PublishedType} from './tags'
import {termUrlSegments} from './term-names'

export type Term = NonNullable<TERM_QUERY_RESULT>
type ListItem<List> = NonNullable<NonNullable<List> extends readonly (infer Item)[] ? Item : never>
export type RelatedTerm = ListItem<Term['relatedTerms']>
export type DeeperGuide = ListItem<Term['deeperGuides']>
export type TermIndexEntry = TERM_INDEX_QUERY_RESULT[number]
export type Author = NonNullable<AUTHOR_QUERY_RESULT>
export type ReferencingDocument = ListItem<Term['referencedBy']>
export type TermSummary = NonNullable<TERM_SUMMARY_QUERY_RESULT>
export type Guide = NonNullable<GUIDE_QUERY_RESULT>
export type GuideTerm = Guide['terms'][number]
export type GuideListItem = GUIDE_INDEX_QUERY_RESULT[number]
export type Category = NonNullable<CATEGORY_QUERY_RESULT>
export type CategorySummary = CATEGORIES_QUERY_RESULT[number]
export type RecentTerm = RECENT_TERMS_QUERY_RESULT[number]
export type PublishedPages = SITEMAP_QUERY_RESULT

/** One source per process and configuration: every bundle shares the dataset start-up loaded. */
const sources = processWide('content-sources', () => new Map<string, ContentSource>())

let source: ContentSource | undefined

type Lake = Parameters<typeof import('./sanity-source').createSanitySource>[0]

/**
 * The Content Lake's source, its client (next-sanity) loaded on first use: the embedded default
 * never loads it, and it stays out of the code between `next start` and the first page.
 */
function lazySanitySource(lake: Lake): ContentSource {
  let loading: Promise<ContentSource> | undefined
  const loaded = () =>
    (loading ??= import('./sanity-source').then(({createSanitySource}) => createSanitySource(lake)))
  return {
    async fetch<Result>(query: string, params: QueryParams, tags: string[], options?: FetchOptions) {
      return (await loaded()).fetch<Result>(query, params, tags, options)
    },
    warmUp: async () => (await loaded()).warmUp(),
    version: async () => (await loaded()).version(),
  }
}

/** The Content Lake when a project is configured, else the embedded dataset. Chosen once per module copy. */
export function contentSource(): ContentSource {
  if (source) return source
  const lake = sanityProject && {...sanityProject, token: sanityReadToken(), apiHost: sanityApiHost()}
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), contentDatasetFile())
  const key = JSON.stringify(lake || file)
  const shared =
    sources.get(key) ??
    (lake
      ? observedSource(lazySanitySource(lake), 'content-lake')
      : observedSource(createLocalSource(file), 'embedded'))
  sources.set(key, shared)
  source = shared
  return shared
}

export const usesEmbeddedDataset = () => !sanityProject

export type ReadOptions = {
  /** Edit markers in draft mode: only for text shown on the page, never metadata, JSON-LD or URLs. */
  stega?: boolean
  /**
   * Published content even for an editor in draft mode: for outputs other people or caches
   * receive (feeds, the JSON API, the search index, feedback), which must never hold a draft.
   */
  published?: boolean
}

/**
 * Every read goes through here: an editor in draft mode reads through their perspective
 * (lib/content/preview), so every page previews drafts without asking for it; everyone else,
 * and every `published` read, gets the published content, cached under `tags`.
 */
async function read<Result>(
  query: string,
  params: QueryParams,
  tags: string[],
  {stega = false, published = false}: ReadOptions = {},
): Promise<Result> {
  // Loaded on first use: it needs next/headers, which scripts outside Next (feedback:report) cannot load.
  const perspective = published ? null : await (await import('./preview')).draftPerspective()
  return contentSource().fetch<Result>(query, params, tags, perspective ? {draft: {perspective, stega}} : {})
}

export function getTerm(slug: string, options?: ReadOptions): Promise<TERM_QUERY_RESULT> {
  return read(TERM_QUERY, {slug}, [tags.document('term', slug)], options)
}

export function listTermSlugs(): Promise<TERM_SLUGS_QUERY_RESULT> {
  return read(TERM_SLUGS_QUERY, {}, [tags.list('term')], {published: true})
}

export function listTerms(options?: ReadOptions): Promise<TERM_INDEX_QUERY_RESULT> {
  return read(TERM_INDEX_QUERY, {}, [tags.list('term'), tags.list('category')], options)
}

/**
 * Where an alias or a previous slug should send the reader: `/glossary/inbound-link` belongs to
 * Backlink. Returns the owning term's slug, or null when no term answers to the segment.
 */
export async function findTermRedirect(segment: string, options?: ReadOptions): Promise<string | null> {
  const names = await read<TERM_NAMES_QUERY_RESULT>(TERM_NAMES_QUERY, {}, [tags.list('term')], options)
  const owner = termUrlSegments(names).get(segment)
  return owner && owner !== segment ? owner : null
}

/** What a URL segment under /glossary names: the term, the slug to send the reader to for good, or nothing. */
export type ResolvedTerm<Found> = {term: Found} | {redirectTo: string} | null

/**
 * Resolves the segment of a term's URL for every rendition of a term (its page, its Markdown, its
 * embeddable card), each loading the term its own way with `load`. Slugs are lower case, so an
 * upper-case spelling is sent to the lower-case one (or to its term, if it is an alias); an alias
 * or an old slug is sent to the term's current slug.
 */
export async function resolveTerm<Found>(
  segment: string,
  load: (slug: string) => Promise<Found | null>,
  options?: ReadOptions,
): Promise<ResolvedTerm<Found>> {
  const slug = segment.toLowerCase()
  if (slug === segment) {
    const term = await load(slug)
    if (term) return {term}
  }
  const owner = await findTermRedirect(slug, options)
  if (owner) return {redirectTo: owner}
  return slug === segment ? null : {redirectTo: slug}
}

/** Where an old address of a guide, author or category page leads now: its current slug, or null. */
export function findMovedPage(
  type: Exclude<PublishedType, 'term'>,
  slug: string,
  options?: ReadOptions,
): Promise<MOVED_PAGE_QUERY_RESULT> {
  return read(MOVED_PAGE_QUERY, {type, slug}, [tags.list(type)], options)
}

export function getAuthor(slug: string, options?: ReadOptions): Promise<AUTHOR_QUERY_RESULT> {
  return read(AUTHOR_QUERY, {slug}, [tags.document('author', slug)], options)
}

export function listAuthorSlugs(): Promise<AUTHOR_SLUGS_QUERY_RESULT> {
  return read(AUTHOR_SLUGS_QUERY, {}, [tags.list('author')], {published: true})
}

/** The current published revision of a term, found by id or slug; null when no such term is published. */
export function getTermRevision(idOrSlug: string): Promise<TERM_REVISION_QUERY_RESULT> {
  return read(TERM_REVISION_QUERY, {term: idOrSlug}, [tags.list('term')], {published: true})
}

/** A term's title, definition, aliases and date, for the JSON endpoint and the embeddable card. */
export function getTermSummary(slug: string, options?: ReadOptions): Promise<TERM_SUMMARY_QUERY_RESULT> {
  return read(TERM_SUMMARY_QUERY, {slug}, [tags.document('term', slug)], options)
}

export function getGuide(slug: string, options?: ReadOptions): Promise<GUIDE_QUERY_RESULT> {
  return read(GUIDE_QUERY, {slug}, [tags.document('guide', slug)], options)
}

/** Slugs of the guides written on this site (external guides have no page here). */
export function listGuideSlugs(): Promise<GUIDE_SLUGS_QUERY_RESULT> {
  return read(GUIDE_SLUGS_QUERY, {}, [tags.list('guide')], {published: true})
}

export function listGuides(options?: ReadOptions): Promise<GUIDE_INDEX_QUERY_RESULT> {
  return read(GUIDE_INDEX_QUERY, {}, [tags.list('guide'), tags.list('author')], options)
}

/** Changes whenever the term list changes; see `ContentSource.version`. */
export function contentVersion(): Promise<string> {
  return contentSource().version()
}

export function listCategories(options?: ReadOptions): Promise<CATEGORIES_QUERY_RESULT> {
  return read(CATEGORIES_QUERY, {}, [tags.list('category')], options)
}

export function getCategory(slug: string, options?: ReadOptions): Promise<CATEGORY_QUERY_RESULT> {
  return read(CATEGORY_QUERY, {slug}, [tags.document('category', slug)], options)
}

/** The 30 most recently reviewed terms, newest first. */
export function listRecentTerms(options?: ReadOptions): Promise<RECENT_TERMS_QUERY_RESULT> {
  return read(
    RECENT_TERMS_QUERY,
    {},
    [tags.list('term'), tags.list('category'), tags.list('author')],
    options,
  )
}

/** Slugs and editorial dates of every published term, guide, author and category. */
export function listPublishedPages(): Promise<SITEMAP_QUERY_RESULT> {
  return read(SITEMAP_QUERY, {}, PUBLISHED_TYPES.map(tags.list), {published: true})
}

/** Every published term's id, current revision, slug and title. */
export function listTermRevisions(): Promise<TERM_REVISIONS_QUERY_RESULT> {
  return read(TERM_REVISIONS_QUERY, {}, [tags.list('term')], {published: true})
}

/**
 * Every published term, guide, author and category as stored (links as references, nothing
 * resolved), for reports that read whole documents: the feedback digest's unlinked mentions.
 */
export function listLinkReportDocuments(): Promise<LINK_REPORT_DOCUMENTS_QUERY_RESULT> {
  return read(LINK_REPORT_DOCUMENTS_QUERY, {}, PUBLISHED_TYPES.map(tags.list), {published: true})
}

/**
 * The published documents that reference `id` and those among `linked`, read fresh: a publish of
 * `id` reaches their pages (see PUBLISH_NEIGHBOURS_QUERY).
 */
export function listPublishNeighbours(
  id: string,
  linked: string[],
): Promise<PUBLISH_NEIGHBOURS_QUERY_RESULT> {
  return contentSource().fetch(PUBLISH_NEIGHBOURS_QUERY, {id, linked}, [], {fresh: true})
}
