import {stat} from 'node:fs/promises'

import {evaluate, parse, type ExprNode} from 'groq-js'

import {readDataset, type SanityDocument} from './dataset'
import {isPublishedId} from './document-ids'
import type {ContentSource} from './source'

type Loaded = {mtimeMs: number; generation: number; documents: SanityDocument[]}

/** What the published perspective sees: an export may hold drafts and versions too. */
async function readPublished(file: string): Promise<SanityDocument[]> {
  return (await readDataset(file)).filter((doc) => isPublishedId(doc._id))
}

/**
 * Runs GROQ with groq-js over the published documents of the embedded dataset, as the Sanity
 * source reads the Content Lake with the published perspective. The file is parsed once and kept
 * in memory; when it changes on disk (an edit during development) the new version replaces the
 * old one only if it loads completely, so a corrupt save never leaves the site half-loaded.
 */
export function createLocalSource(file: string): ContentSource {
  let current: Promise<Loaded> | undefined
  let generations = 0
  const parsedQueries = new Map<string, ExprNode>()

  async function load(): Promise<Loaded> {
    const {mtimeMs} = await stat(file).catch(() => ({mtimeMs: -1}))
    const previous = current
    if (!previous) {
      current = readPublished(file).then((documents) => ({mtimeMs, generation: ++generations, documents}))
      current.catch(() => (current = undefined))
      return current
    }
    const loaded = await previous
    if (loaded.mtimeMs === mtimeMs || mtimeMs === -1) return loaded
    current = readPublished(file).then(
      (documents) => ({mtimeMs, generation: ++generations, documents}),
      (error: Error) => {
        console.error(`[content] keeping the previous dataset: ${error.message}`)
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
      await load()
    },
    async fetch<Result>(query: string, params: Record<string, unknown>): Promise<Result> {
      const {documents} = await load()
      const result = await evaluate(parsed(query), {dataset: documents, params})
      return (await result.get()) as Result
    },
    // A failed reload keeps the previous documents and so the previous generation.
    version: async () => `local:${(await load()).generation}`,
  }
}
