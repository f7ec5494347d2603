import {stat} from 'node:fs/promises'

import {evaluateSync, parse, type ExprNode} from 'groq-js'

import {log} from '../observability/log.mjs'
import {readDataset} from './dataset'
import {isPublishedId} from './document-ids'
import {documentsReachedBy, indexDataset, type DatasetIndex} from './query-plan'
import {tagRender} from './render-tags'
import type {ContentSource} from './source'

type Loaded = {
  mtimeMs: number
  generation: number
  index: DatasetIndex
  /** Answers to queries without parameters (the lists), kept until the dataset changes. */
  lists: Map<string, unknown>
}

/** What the published perspective sees: an export may hold drafts and versions too. */
async function readPublished(file: string): Promise<DatasetIndex> {
  return indexDataset((await readDataset(file)).filter((doc) => isPublishedId(doc._id)))
}

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
 * way. The file is parsed and indexed once and kept in memory; when it changes on disk (an edit
 * during development, or a publish) the new version replaces the old one only if it loads
 * completely, so a corrupt save never leaves the site half-loaded.
 */
export function createLocalSource(file: string): ContentSource {
  let current: Promise<Loaded> | undefined
  let generations = 0
  const parsedQueries = new Map<string, ExprNode>()

  async function load(): Promise<Loaded> {
    const {mtimeMs} = await stat(file).catch(() => ({mtimeMs: -1}))
    const previous = current
    if (!previous) {
      current = readPublished(file).then((index) => ({
        mtimeMs,
        generation: ++generations,
        index,
        lists: new Map(),
      }))
      current.catch(() => (current = undefined))
      return current
    }
    const loaded = await previous
    if (loaded.mtimeMs === mtimeMs || mtimeMs === -1) return loaded
    current = readPublished(file).then(
      (index) => ({mtimeMs, generation: ++generations, index, lists: new Map()}),
      (error: Error) => {
        log.error(
          {file, reason: error.message},
          'the dataset file cannot be read; keeping the previous dataset',
        )
        return {...loaded, mtimeMs}
      },
    )
    return current
  }

  function parsed(query: string): ExprNode {
    let tree = parsedQueries.get(query)
    if (!tree) {
      tree = parse(query)
      parsedQueries.set(query, tree)
    }
    return tree
  }

  return {
    async warmUp() {
      return (await load()).index.byId.size
    },
    async fetch<Result>(query: string, params: Record<string, unknown>, tags: string[]): Promise<Result> {
      // Tagged like the Content Lake's fetches, so the same webhook refreshes the same pages.
      await tagRender(tags)
      const {index, lists} = await load()
      const isList = Object.keys(params).length === 0
      if (isList && lists.has(query)) return lists.get(query) as Result
      const tree = parsed(query)
      // Synchronous evaluation over only the documents the query can reach, with references
      // followed through the id table: without both, every `*` and `->` scans the whole dataset.
      const result = evaluateSync(tree, {
        dataset: documentsReachedBy(tree, params, index),
        params,
        dereference: ({_ref}) => index.byId.get(_ref) ?? null,
      }).data
      if (!isList) return result as Result
      // As Next's data cache keeps the Content Lake's answers. Frozen: every caller shares it.
      lists.set(query, deepFreeze(result))
      return result as Result
    },
    // A failed reload keeps the previous documents and so the previous generation.
    version: async () => `local:${(await load()).generation}`,
  }
}
