import {createHash} from 'node:crypto'
import {closeSync, openSync, readSync} from 'node:fs'
import {mkdir, readFile, rename, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {log} from '@/lib/observability/log.mjs'
import {DatasetError, type SanityDocument} from '@/lib/content/dataset'
import type {NamedPage} from '@/lib/content/page-names'
import type {IndexEntry} from './dataset-index'

/**
 * What a start-up needs of a dataset file it has loaded before, so that a restart need not parse
 * it: each published document's index entry and where its line is in the file, and the answers to
 * the queries the first request asks (the URL gate's page names, and the names worked out of them). Written beside the build
 * (`<distDir>/cache/glossary-dataset/`) whenever the file is parsed in full, which `next build`
 * does; read only while the file has the size and modification time it was written for. A
 * document is then parsed when a query first reaches it.
 */
export type DatasetSnapshot = {
  version: typeof SNAPSHOT_VERSION
  file: {size: number; mtimeMs: number}
  entries: (IndexEntry & {offset: number; length: number})[]
  /** Answers to list queries, by query text. */
  lists: [query: string, answer: unknown][]
  /** The URL gate's names, worked out from the page names' answer (at 10,000 terms a tenth of a second). */
  pageNames: Record<NamedPage, string[]>
}

export const SNAPSHOT_VERSION = 2

/** Only inside Next (the server and `next build`): scripts and unit tests leave no files behind. */
const enabled = () => Boolean(process.env.NEXT_RUNTIME)

function snapshotFile(datasetFile: string): string {
  const name = createHash('sha256').update(path.resolve(datasetFile)).digest('hex').slice(0, 32)
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    distDir,
    'cache',
    'glossary-dataset',
    `${name}.json`,
  )
}

/** The snapshot of this file as it is now, or null (none, another version, or the file changed since). */
export async function readSnapshot(datasetFile: string): Promise<DatasetSnapshot | null> {
  if (!enabled()) return null
  try {
    const [{size, mtimeMs}, text] = await Promise.all([
      stat(datasetFile),
      readFile(snapshotFile(datasetFile), 'utf8'),
    ])
    const snapshot = JSON.parse(text) as DatasetSnapshot
    const current =
      snapshot.version === SNAPSHOT_VERSION &&
      snapshot.file.size === size &&
      snapshot.file.mtimeMs === mtimeMs
    return current ? snapshot : null
  } catch {
    return null
  }
}

/** Writes the snapshot (whole or not at all); a failure only means the next start parses the file. */
export async function writeSnapshot(datasetFile: string, snapshot: DatasetSnapshot): Promise<void> {
  if (!enabled()) return
  const target = snapshotFile(datasetFile)
  const partial = `${target}.${process.pid}.tmp`
  try {
    await mkdir(path.dirname(target), {recursive: true})
    await writeFile(partial, JSON.stringify(snapshot))
    await rename(partial, target)
  } catch (error) {
    log.warn({reason: (error as Error).message}, 'could not write the dataset snapshot')
  }
}

/** Byte offsets and lengths of the file's non-empty lines, in order: where each document is. */
export function lineSpans(text: string): {offset: number; length: number}[] {
  const spans: {offset: number; length: number}[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    const length = Buffer.byteLength(line)
    if (line.trim()) spans.push({offset, length})
    offset += length + 1
  }
  return spans
}

/**
 * Reads the snapshot's documents from the file on demand, each parsed once. A line that is not
 * the document the snapshot says (the file changed under it) is an error; the source notices the
 * new modification time on the next query and loads the file afresh.
 */
export function lazyDocuments(datasetFile: string, entries: DatasetSnapshot['entries']) {
  const fd = openSync(datasetFile, 'r')
  const parsed: (SanityDocument | undefined)[] = new Array(entries.length)
  return {
    documentAt(position: number): SanityDocument {
      const known = parsed[position]
      if (known) return known
      const {id, offset, length} = entries[position]!
      const bytes = Buffer.alloc(length)
      readSync(fd, bytes, 0, length, offset)
      let doc: SanityDocument | undefined
      try {
        doc = JSON.parse(bytes.toString('utf8')) as SanityDocument
      } catch {
        // Reported below, as a line that is not the document.
      }
      if (doc?._id !== id) throw new DatasetError(`${datasetFile}: changed on disk while it was being read`)
      return (parsed[position] = doc)
    },
    close: () => closeSync(fd),
  }
}
