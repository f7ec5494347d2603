import 'server-only'

import path from 'node:path'

import {sanityProject} from '../../sanity/env'
import {
  AUTHOR_QUERY,
  AUTHOR_SLUGS_QUERY,
  REFERENCING_DOCUMENTS_QUERY,
  TERM_INDEX_QUERY,
  TERM_NAMES_QUERY,
  TERM_QUERY,
  TERM_REVISION_QUERY,
  TERM_SLUGS_QUERY,
} from '../../sanity/queries'
import type {
  AUTHOR_QUERY_RESULT,
  AUTHOR_SLUGS_QUERY_RESULT,
  REFERENCING_DOCUMENTS_QUERY_RESULT,
  TERM_INDEX_QUERY_RESULT,
  TERM_NAMES_QUERY_RESULT,
  TERM_QUERY_RESULT,
  TERM_REVISION_QUERY_RESULT,
  TERM_SLUGS_QUERY_RESULT,
} from '../../sanity/sanity.types'
import {contentDatasetFile, sanityApiHost, sanityReadToken} from '../env.server'
import {createLocalSource} from './local-source'
import {createSanitySource} from './sanity-source'
import type {ContentSource, FetchOptions} from './source'
import {tags} from './tags'
import {termUrlSegments} from './term-names'

export type Term = NonNullable<TERM_QUERY_RESULT>
type ListItem<List> = NonNullable<NonNullable<List> extends readonly (infer Item)[] ? Item : never>
export type RelatedTerm = ListItem<Term['relatedTerms']>
export type DeeperGuide = ListItem<Term['deeperGuides']>
export type TermIndexEntry = TERM_INDEX_QUERY_RESULT[number]
export type Author = NonNullable<AUTHOR_QUERY_RESULT>

let source: ContentSource | undefined

/** The Content Lake when a project is configured, else the embedded dataset. Chosen once per process. */
export function contentSource(): ContentSource {
  source ??= sanityProject
    ? createSanitySource({...sanityProject, token: sanityReadToken(), apiHost: sanityApiHost()})
    : createLocalSource(path.resolve(/*turbopackIgnore: true*/ process.cwd(), contentDatasetFile()))
  return source
}

export const usesEmbeddedDataset = () => !sanityProject

export {isPreviewing, previewOptions} from './preview'

/** A published term; in draft mode pass `previewOptions(…)` to read its draft. */
export function getTerm(slug: string, options?: FetchOptions): Promise<TERM_QUERY_RESULT> {
  return contentSource().fetch(TERM_QUERY, {slug}, [tags.term(slug)], options)
}

export function listTermSlugs(): Promise<TERM_SLUGS_QUERY_RESULT> {
  return contentSource().fetch(TERM_SLUGS_QUERY, {}, [tags.termIndex])
}

export function listTerms(): Promise<TERM_INDEX_QUERY_RESULT> {
  return contentSource().fetch(TERM_INDEX_QUERY, {}, [tags.termIndex])
}

/**
 * Where an alias or a previous slug should send the reader: `/glossary/inbound-link` belongs to
 * Backlink. Returns the owning term's slug, or null when no term answers to the segment.
 */
export async function findTermRedirect(segment: string): Promise<string | null> {
  const names = await contentSource().fetch<TERM_NAMES_QUERY_RESULT>(TERM_NAMES_QUERY, {}, [tags.termIndex])
  const owner = termUrlSegments(names).get(segment)
  return owner && owner !== segment ? owner : null
}

export function getAuthor(slug: string): Promise<AUTHOR_QUERY_RESULT> {
  return contentSource().fetch(AUTHOR_QUERY, {slug}, [tags.author(slug), tags.termIndex])
}

export function listAuthorSlugs(): Promise<AUTHOR_SLUGS_QUERY_RESULT> {
  return contentSource().fetch(AUTHOR_SLUGS_QUERY, {}, [tags.authors])
}

/** The current revision of a term, found by id or slug; null when no such term is published. */
export function getTermRevision(idOrSlug: string): Promise<TERM_REVISION_QUERY_RESULT> {
  return contentSource().fetch(TERM_REVISION_QUERY, {term: idOrSlug}, [tags.termIndex])
}

/** The published documents that reference a document, read fresh: their pages show it. */
export function listReferencingDocuments(id: string): Promise<REFERENCING_DOCUMENTS_QUERY_RESULT> {
  return contentSource().fetch(REFERENCING_DOCUMENTS_QUERY, {id}, [], {fresh: true})
}
