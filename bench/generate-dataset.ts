/**
 * Writes a synthetic glossary of N terms in the embedded dataset's NDJSON format (see
 * bench/lib/synthetic-dataset.ts). Serve it with CONTENT_DATASET_FILE=<file>.
 *
 * Usage: tsx bench/generate-dataset.ts <terms> [--seed N] [--out file]
 * Default output: bench/.work/dataset-<terms>.ndjson
 */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {readDataset} from '@/lib/content/dataset'
import {generateDataset, toNdjson} from './lib/synthetic-dataset'

export const EMBEDDED_DATASET = 'sanity/seed/dataset.ndjson'

export const datasetFile = (terms: number) => path.join('bench/.work', `dataset-${terms}.ndjson`)

/** Generates the dataset and writes it; returns the file and its size in bytes. */
export async function writeSyntheticDataset(terms: number, options: {seed?: number; out?: string} = {}) {
  const base = await readDataset(EMBEDDED_DATASET)
  const text = toNdjson(generateDataset(base, {terms, seed: options.seed}))
  const file = options.out ?? datasetFile(terms)
  await mkdir(path.dirname(file), {recursive: true})
  await writeFile(file, text)
  return {file, bytes: Buffer.byteLength(text)}
}

async function main() {
  const {positionals, values} = parseArgs({
    allowPositionals: true,
    options: {seed: {type: 'string'}, out: {type: 'string'}},
  })
  const terms = Number(positionals[0])
  if (!Number.isInteger(terms) || terms < 1) {
    throw new Error('Usage: tsx bench/generate-dataset.ts <terms> [--seed N] [--out file]')
  }
  const {file, bytes} = await writeSyntheticDataset(terms, {
    seed: values.seed === undefined ? undefined : Number(values.seed),
    out: values.out,
  })
  console.log(`${file}: ${terms} terms, ${(bytes / 1e6).toFixed(1)} MB`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
