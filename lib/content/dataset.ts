import {readFile} from 'node:fs/promises'

export type SanityDocument = {_id: string; _type: string; _rev?: string; [field: string]: unknown}

export class DatasetError extends Error {
  override name = 'DatasetError'
}

/** Every `_ref` anywhere inside a document, with the path it sits at. */
function* referencesIn(value: unknown, path: string): Generator<{ref: string; path: string}> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* referencesIn(item, `${path}[${index}]`)
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record._ref === 'string' && record._weak !== true) yield {ref: record._ref, path}
    for (const [key, child] of Object.entries(record)) {
      if (key !== '_ref') yield* referencesIn(child, path ? `${path}.${key}` : key)
    }
  }
}

/**
 * Parses a Sanity export (NDJSON) completely or not at all: a bad line, a duplicate id or a
 * reference to a document that is not in the file stops the load with the file, line and document.
 */
export function parseDataset(text: string, file: string): SanityDocument[] {
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
  for (const doc of documents) {
    for (const {ref, path} of referencesIn(doc, '')) {
      if (!lineOf.has(ref)) {
        throw new DatasetError(
          `${file}:${lineOf.get(doc._id)}: document "${doc._id}" refers to missing document "${ref}" at ${path}`,
        )
      }
    }
  }
  return documents
}

export async function readDataset(file: string): Promise<SanityDocument[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new DatasetError(
      `${file}: cannot read the embedded dataset (${(error as NodeJS.ErrnoException).code})`,
    )
  }
  return parseDataset(text, file)
}
