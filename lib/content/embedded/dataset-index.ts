/**
 * Lookup tables over the embedded dataset, by id, type, slug and by the ids each document refers
 * to: what the query planner (./query-plan.ts) narrows a query's documents with.
 */
import type {SanityDocument} from '@/lib/content/dataset'
import {referencesIn} from '@/lib/content/references'

/** What the index needs of a document: known before it is parsed when it comes from a snapshot. */
export type IndexEntry = {id: string; type: string; slug: string | null; refs: string[]}

/**
 * Lookup tables over a loaded dataset, built once per load. Positions (indexes into the dataset's
 * published documents, in the export's order, which is the order groq-js returns unordered
 * results in) rather than documents, so a narrowed dataset keeps that order; a document itself
 * is asked for by position, and may be parsed only then (./dataset-snapshot).
 */
export type DatasetIndex = {
  size: number
  documentAt: (position: number) => SanityDocument
  positionsById: Map<string, Positions>
  positionsByType: Map<string, Positions>
  positionsBySlug: Map<string, Positions>
  /** Documents holding a `_ref` (strong or weak) to the key, anywhere in them. */
  positionsReferring: Map<string, Positions>
}

/**
 * Positions in ascending order, each once: lists rather than sets, since building ten thousand
 * sets at start-up costs far more than looking a position up in a sorted list.
 */
export type Positions = readonly number[]

/** Entries are added in position order, so each list stays sorted; a repeated reference is kept once. */
function add(table: Map<string, Positions>, key: string, position: number) {
  const positions = table.get(key) as number[] | undefined
  if (!positions) table.set(key, [position])
  else if (positions.at(-1) !== position) positions.push(position)
}

export function includes(positions: Positions, position: number): boolean {
  let low = 0
  let high = positions.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const found = positions[middle]!
    if (found === position) return true
    if (found < position) low = middle + 1
    else high = middle - 1
  }
  return false
}

/** A parsed document's entry: its id, type, slug and every reference in it. */
export function entryOf(doc: SanityDocument): IndexEntry {
  const slug = (doc.slug as {current?: unknown} | undefined)?.current
  return {
    id: doc._id,
    type: doc._type,
    slug: typeof slug === 'string' ? slug : null,
    refs: Array.from(referencesIn(doc), ({ref}) => ref),
  }
}

/** The index over entries, with `documentAt` giving the document at a position. */
export function indexEntries(
  entries: readonly IndexEntry[],
  documentAt: (position: number) => SanityDocument,
): DatasetIndex {
  const index: DatasetIndex = {
    size: entries.length,
    documentAt,
    positionsById: new Map(),
    positionsByType: new Map(),
    positionsBySlug: new Map(),
    positionsReferring: new Map(),
  }
  for (const [position, entry] of entries.entries()) {
    add(index.positionsById, entry.id, position)
    add(index.positionsByType, entry.type, position)
    if (entry.slug !== null) add(index.positionsBySlug, entry.slug, position)
    for (const ref of entry.refs) add(index.positionsReferring, ref, position)
  }
  return index
}

/** The index over documents already parsed. */
export function indexDataset(documents: SanityDocument[]): DatasetIndex {
  return indexEntries(documents.map(entryOf), (position) => documents[position]!)
}

/** The document with this id, for following a reference (`->`); null when there is none. */
export function documentById(index: DatasetIndex, id: string): SanityDocument | null {
  const position = index.positionsById.get(id)?.[0]
  return position === undefined ? null : index.documentAt(position)
}
