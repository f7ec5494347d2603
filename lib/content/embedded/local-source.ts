import {stat} from 'node:fs/promises'

import {evaluateSync, parse, type ExprNode} from 'groq-js'

import {PAGE_NAMES_QUERY} from '@/sanity/queries'
import type {PAGE_NAMES_QUERY_RESULT} from '@/sanity/sanity.types'
import {createOutageLog} from '@/lib/health/outage-log.mjs'
import {reportContentSource} from '@/lib/health/status.mjs'
import {metrics} from '@/lib/observability/metrics.mjs'
import {parseDataset, readDatasetText} from '@/lib/content/dataset'
import {
  lazyDocuments,
  lineSpans,
  readSnapshot,
  SNAPSHOT_VERSION,
  writeSnapshot,
  type DatasetSnapshot,
} from './dataset-snapshot'
import {isPublishedId} from '@/lib/content/document-ids'
import {pageNamesAsLists, pageNamesFromLists, rememberPageNames, toPageNames} from '@/lib/content/page-names'
import {documentById, entryOf, indexEntries, type DatasetIndex} from './dataset-index'
import {documentsReachedBy} from './query-plan'
import {tagRender} from '@/lib/content/render-tags'
import type {ContentSource} from '@/lib/content/source'

type Loaded = {
  mtimeMs: number
  generation: number
  index: DatasetIndex
  /** Answers to queries without parameters (the lists), kept until the dataset changes. */
  lists: Map<string, unknown>
  /** Lets go of the file a snapshot's documents are read from. */
  release?: () => void
}

/** Lists a snapshot keeps: what the first request of a new server asks (the URL gate's names). */
const SNAPSHOT_LISTS = [PAGE_NAMES_QUERY]
/** Documents parsed per turn of the event loop when a snapshot's documents are parsed after start. */
const BACKGROUND_PARSE_BATCH = 200
/** An old version's file stays open this long for queries still reading it. */
const RELEASE_AFTER_MS = 60_000

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * Runs GROQ with groq-js over the published documents of the embedded dataset, as the Sanity
 * source reads the Content Lake with the published perspective, and tags what it reads the same
 * way. The file is parsed, checked and indexed once and kept in memory; a restart on the same file
 * starts from its snapshot instead (./dataset-snapshot) and parses documents as they are needed,
 * then the rest in the background. When the file changes on disk (an edit during development, or
 * a publish) the new version replaces the old one only if it loads completely, so a corrupt save
 * never leaves the site half-loaded.
 */
export function createLocalSource(file: string): ContentSource {
  let current: Promise<Loaded> | undefined
  let generations = 0
  // A file that will not load is logged once, until one loads again; readiness says "stale".
  const outage = createOutageLog('embedded dataset')
  reportContentSource('embedded', () => (outage.down ? 'stale' : 'up'))
  const parsedQueries = new Map<string, ExprNode>()

  function parsed(query: string): ExprNode {
    let tree = parsedQueries.get(query)
    if (!tree) {
      tree = parse(query)
      parsedQueries.set(query, tree)
    }
    return tree
  }

  function answer(loaded: Loaded, query: string, params: Record<string, unknown>): unknown {
    const {index, lists} = loaded
    const isList = Object.keys(params).length === 0
    if (isList && lists.has(query)) return lists.get(query)
    const tree = parsed(query)
    // Synchronous evaluation over only the documents the query can reach, with references
    // followed through the id table: without both, every `*` and `->` scans the whole dataset.
    const result = evaluateSync(tree, {
      dataset: documentsReachedBy(tree, params, index),
      params,
      dereference: ({_ref}) => documentById(index, _ref),
    }).data
    // As Next's data cache keeps the Content Lake's answers. Frozen: every caller shares it.
    if (isList) lists.set(query, deepFreeze(result))
    return result
  }

  /** The file parsed in full and checked; its snapshot is written for the next start. */
  async function parseFile(mtimeMs: number): Promise<Loaded> {
    const text = await readDatasetText(file)
    const all = parseDataset(text, file)
    const spans = lineSpans(text)
    const published = [...all.keys()].filter((position) => isPublishedId(all[position]!._id))
    const entries = published.map((position) => ({...entryOf(all[position]!), ...spans[position]!}))
    const documents = published.map((position) => all[position]!)
    const loaded: Loaded = {
      mtimeMs,
      generation: ++generations,
      index: indexEntries(entries, (position) => documents[position]!),
      lists: new Map(),
    }
    const lists = SNAPSHOT_LISTS.map((query): [string, unknown] => [query, answer(loaded, query, {})])
    const pageNamesAnswer = loaded.lists.get(PAGE_NAMES_QUERY) as PAGE_NAMES_QUERY_RESULT
    const pageNames = toPageNames(pageNamesAnswer)
    rememberPageNames(pageNamesAnswer, pageNames)
    const size = Buffer.byteLength(text)
    void writeSnapshot(file, {
      version: SNAPSHOT_VERSION,
      file: {size, mtimeMs},
      entries,
      lists,
      pageNames: pageNamesAsLists(pageNames),
    } satisfies DatasetSnapshot)
    return loaded
  }

  /** The file's snapshot, if it has a current one: nothing parsed yet. */
  async function fromSnapshot(): Promise<Loaded | null> {
    const snapshot = await readSnapshot(file)
    if (!snapshot) return null
    const documents = lazyDocuments(file, snapshot.entries)
    const loaded: Loaded = {
      mtimeMs: snapshot.file.mtimeMs,
      generation: ++generations,
      index: indexEntries(snapshot.entries, documents.documentAt),
      lists: new Map(snapshot.lists.map(([query, result]) => [query, deepFreeze(result)])),
      release: documents.close,
    }
    // The URL gate finds its names worked out already.
    rememberPageNames(
      loaded.lists.get(PAGE_NAMES_QUERY) as PAGE_NAMES_QUERY_RESULT,
      pageNamesFromLists(snapshot.pageNames),
    )
    parseInBackground(loaded)
    return loaded
  }

  /** Parses a snapshot's documents a batch per turn of the event loop, once the first pages are out. */
  function parseInBackground(loaded: Loaded) {
    let next = 0
    const batch = () => {
      if (current === undefined || loaded.generation !== generations) return
      try {
        for (const end = Math.min(loaded.index.size, next + BACKGROUND_PARSE_BATCH); next < end; next++) {
          loaded.index.documentAt(next)
        }
      } catch {
        return // the file changed: the next query loads it afresh
      }
      if (next < loaded.index.size) setImmediate(batch)
    }
    setTimeout(batch, 2000).unref()
  }

  /**
   * A file that would not load (malformed, unreadable, gone): the last good version stays, stamped
   * with that file's time (-1 for none), so it is not tried again until the file changes.
   */
  function keepLastGood(loaded: Loaded, mtimeMs: number, reason: string): Loaded {
    metrics.contentSourceFailures.inc({source: 'embedded', kind: 'unreadable'})
    outage.failed(`${reason}; serving the last good version`, {file})
    return {...loaded, mtimeMs}
  }

  async function load(): Promise<Loaded> {
    const found = await stat(file).then(
      (stats) => stats.mtimeMs,
      (error: NodeJS.ErrnoException) => error,
    )
    const mtimeMs = typeof found === 'number' ? found : -1
    const previous = current
    if (!previous) {
      current = fromSnapshot().then((loaded) => loaded ?? parseFile(mtimeMs))
      current.catch(() => (current = undefined))
      return current
    }
    const loaded = await previous
    if (loaded.mtimeMs === mtimeMs) return loaded
    if (typeof found !== 'number') {
      const kept = keepLastGood(loaded, mtimeMs, `cannot read the file (${found.code ?? found.message})`)
      current = Promise.resolve(kept)
      return kept
    }
    current = parseFile(mtimeMs).then(
      (next) => {
        outage.recovered()
        if (loaded.release) setTimeout(loaded.release, RELEASE_AFTER_MS).unref()
        return next
      },
      (error: Error) => keepLastGood(loaded, mtimeMs, error.message),
    )
    return current
  }

  return {
    async warmUp() {
      return (await load()).index.size
    },
    async fetch<Result>(query: string, params: Record<string, unknown>, tags: string[]): Promise<Result> {
      // Tagged like the Content Lake's fetches, so the same webhook refreshes the same pages.
      await tagRender(tags)
      return answer(await load(), query, params) as Result
    },
    // A failed reload keeps the previous documents and so the previous generation.
    version: async () => `local:${(await load()).generation}`,
  }
}
