import {isDraftId, isPublishedId, publishedIdOf} from '@/lib/content/document-ids'
import {referencesIn} from '@/lib/content/references'

import {mentionFinder, type UnlinkedMention} from './unlinked-mentions'

/**
 * The link report: which terms nothing links to, which have no related terms, which references
 * point at documents that are missing or only exist as drafts, which terms are linked most, and
 * where published text names a term without linking it.
 *
 * A pure function over documents as the Content Lake stores them, so the CLI (over an NDJSON
 * export) and the Studio tool (over documents fetched with the raw perspective) share it. Keep
 * it free of Node-only imports: it runs in the browser too.
 */

/** A stored document; only the fields the report reads are named. */
export type ReportDocument = {_id: string; _type: string; [field: string]: unknown}

export type DocumentSummary = {id: string; type: string; title: string; slug: string | null}

export type ReferenceProblem = {
  source: DocumentSummary & {published: boolean}
  /** Where the reference sits in the source, e.g. "body[2].markDefs[0].reference". */
  path: string
  targetId: string
  problem: 'missing' | 'unpublished'
}

export type LinkReport = {
  counts: {terms: number; guides: number; drafts: number}
  /** Published terms that no other published term or guide links to. */
  orphanTerms: DocumentSummary[]
  /** Published terms whose related terms resolve to no published term. */
  termsWithoutRelated: DocumentSummary[]
  /** References to documents that do not exist. From a published document these fail the report. */
  missing: ReferenceProblem[]
  /** References to documents that exist only as drafts: readers see plain text until they are published. */
  unpublished: ReferenceProblem[]
  /** Published terms by how many other published terms and guides link to them, most first. */
  mostLinked: {term: DocumentSummary; linkedFrom: number}[]
  /** Published terms and guides whose text names a term without linking it, most mentions first. */
  unlinkedMentions: {document: DocumentSummary; mentions: UnlinkedMention[]}[]
  /** False when a published document links to a missing document: the gate for a publish pipeline. */
  passes: boolean
}

/** The document types that link to others: terms and guides. */
const LINKING_TYPES = new Set(['term', 'guide'])

const MOST_LINKED = 10

function summary(doc: ReportDocument): DocumentSummary {
  const slug = (doc.slug as {current?: unknown} | undefined)?.current
  return {
    id: doc._id,
    type: doc._type,
    title: typeof doc.title === 'string' && doc.title ? doc.title : doc._id,
    slug: typeof slug === 'string' ? slug : null,
  }
}

const byTitle = (a: DocumentSummary, b: DocumentSummary) =>
  a.title.localeCompare(b.title, 'en', {sensitivity: 'base'}) || a.id.localeCompare(b.id)

/**
 * References a document makes to other content documents. Asset references (an image's file)
 * point at uploads, not content, and are left out.
 */
function contentReferences(doc: ReportDocument) {
  return [...referencesIn(doc)].filter(({path}) => !/(^|\.)asset$/.test(path))
}

/**
 * Published terms and guides whose text names a published term without linking it, most mentions
 * first: the report's last list, and the weekly feedback digest's source for the mentions it adds.
 */
export function unlinkedMentionsByDocument(
  documents: readonly ReportDocument[],
): LinkReport['unlinkedMentions'] {
  const published = documents.filter((doc) => LINKING_TYPES.has(doc._type) && isPublishedId(doc._id))
  const unlinkedMentionsIn = mentionFinder(
    published
      .filter((doc) => doc._type === 'term')
      .map((term) => ({
        id: term._id,
        title: summary(term).title,
        aliases: Array.isArray(term.aliases) ? term.aliases.filter((alias) => typeof alias === 'string') : [],
      })),
  )
  return published
    .map((doc) => ({document: summary(doc), mentions: unlinkedMentionsIn(doc)}))
    .filter(({mentions}) => mentions.length > 0)
    .sort((a, b) => b.mentions.length - a.mentions.length || byTitle(a.document, b.document))
}

export function buildLinkReport(documents: readonly ReportDocument[]): LinkReport {
  const ids = new Set(documents.map((doc) => doc._id))
  const linking = documents.filter((doc) => LINKING_TYPES.has(doc._type) && !doc._id.startsWith('versions.'))
  const publishedTerms = documents.filter((doc) => doc._type === 'term' && isPublishedId(doc._id))

  const missing: ReferenceProblem[] = []
  const unpublished: ReferenceProblem[] = []
  /** For each published document, the published documents that link to it (never itself). */
  const linkedFrom = new Map<string, Set<string>>()

  for (const source of linking) {
    const published = isPublishedId(source._id)
    const sourceId = publishedIdOf(source._id)
    for (const {ref, path} of contentReferences(source)) {
      const targetId = publishedIdOf(ref)
      if (ids.has(targetId)) {
        if (published && targetId !== sourceId) {
          linkedFrom.set(targetId, (linkedFrom.get(targetId) ?? new Set()).add(sourceId))
        }
        continue
      }
      const problem = ids.has(`drafts.${targetId}`) ? 'unpublished' : 'missing'
      const entry = {source: {...summary(source), published}, path, targetId, problem} as const
      ;(problem === 'missing' ? missing : unpublished).push(entry)
    }
  }

  const relatedIds = (term: ReportDocument) =>
    Array.isArray(term.relatedTerms)
      ? term.relatedTerms
          .map((item) => (item as {_ref?: unknown} | null)?._ref)
          .filter((ref): ref is string => typeof ref === 'string' && ids.has(ref))
      : []

  const bySource = (a: ReferenceProblem, b: ReferenceProblem) =>
    byTitle(a.source, b.source) || a.path.localeCompare(b.path)

  return {
    counts: {
      terms: publishedTerms.length,
      guides: documents.filter((doc) => doc._type === 'guide' && isPublishedId(doc._id)).length,
      drafts: documents.filter((doc) => isDraftId(doc._id)).length,
    },
    orphanTerms: publishedTerms
      .filter((term) => !linkedFrom.has(term._id))
      .map(summary)
      .sort(byTitle),
    termsWithoutRelated: publishedTerms
      .filter((term) => relatedIds(term).length === 0)
      .map(summary)
      .sort(byTitle),
    missing: missing.sort(bySource),
    unpublished: unpublished.sort(bySource),
    mostLinked: publishedTerms
      .filter((term) => linkedFrom.has(term._id))
      .map((term) => ({term: summary(term), linkedFrom: linkedFrom.get(term._id)!.size}))
      .sort((a, b) => b.linkedFrom - a.linkedFrom || byTitle(a.term, b.term))
      .slice(0, MOST_LINKED),
    unlinkedMentions: unlinkedMentionsByDocument(documents),
    passes: !missing.some((entry) => entry.source.published),
  }
}
