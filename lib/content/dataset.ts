import {readFile} from 'node:fs/promises'

import {referencesIn} from './references'

export type SanityDocument = {_id: string; _type: string; _rev?: string; [field: string]: unknown}

export class DatasetError extends Error {
  override name = 'DatasetError'
}

type ParseOptions = {
  /**
   * Whether a (strong) reference to a document missing from the file stops the load. The site
   * needs every reference to resolve; the link report reads broken datasets to describe them.
   */
  checkReferences?: boolean
}

/**
 * Parses a Sanity export (NDJSON) completely or not at all: a bad line, a duplicate id or a
 * reference to a document that is not in the file stops the load with the file, line and document.
 */
export function parseDataset(
  text: string,
  file: string,
  {checkReferences = true}: ParseOptions = {},
): SanityDocument[] {
  const documents: SanityDocument[] = []
  const lineOf = new Map<string, number>()
  const lines = text.split('\n')
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    if (!line) continue
    const lineNumber = index + 1
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch (error) {
      throw new DatasetError(`${file}:${lineNumber}: not valid JSON (${(error as Error).message})`)
    }
    const doc = parsed as Partial<SanityDocument> | null
    if (!doc || typeof doc !== 'object' || typeof doc._id !== 'string' || typeof doc._type !== 'string') {
      throw new DatasetError(`${file}:${lineNumber}: a document needs a string _id and _type`)
    }
    if (lineOf.has(doc._id)) {
      throw new DatasetError(
        `${file}:${lineNumber}: document "${doc._id}" repeats the id of line ${lineOf.get(doc._id)}`,
      )
    }
    lineOf.set(doc._id, lineNumber)
    documents.push(doc as SanityDocument)
  }
  if (!checkReferences) return documents
  for (const doc of documents) {
    for (const {ref, path, weak} of referencesIn(doc)) {
      if (!weak && !lineOf.has(ref)) {
        throw new DatasetError(
          `${file}:${lineOf.get(doc._id)}: document "${doc._id}" refers to missing document "${ref}" at ${path}`,
        )
      }
    }
  }
  return documents
}

/** The file's text; a file that cannot be read is a DatasetError naming it and why. */
export async function readDatasetText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new DatasetError(
      `${file}: cannot read the embedded dataset (${(error as NodeJS.ErrnoException).code})`,
    )
  }
}

export async function readDataset(file: string, options?: ParseOptions): Promise<SanityDocument[]> {
  return parseDataset(await readDatasetText(file), file, options)
}
