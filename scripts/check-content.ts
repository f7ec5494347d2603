/**
 * Checks the content model and the embedded dataset with Sanity's own tooling: the schema must
 * compile without errors or warnings, and every document must pass the schema's validation rules
 * (run by `validateDocument`, with a client that answers GROQ from the dataset itself so the
 * uniqueness rules really run). Then our own cross-document checks.
 *
 * Usage: tsx scripts/check-content.ts [dataset.ndjson]
 * It runs as a plain Node script because the `sanity` package cannot load under Jest.
 */
import '@/lib/runtime/require-node.mjs'

import path from 'node:path'

import {evaluate, parse} from 'groq-js'
import {createSchema, validateDocument, type Workspace} from 'sanity'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {findNameClashes} from '@/lib/content/term-names'
import {schemaTypes} from '@/sanity/schemaTypes'

type Problem = {where: string; message: string}

function schemaProblems(): Problem[] {
  const schema = createSchema({name: 'default', types: schemaTypes})
  const groups = (schema._validation ?? []) as {
    path: {name?: string}[]
    problems: {severity: string; message: string}[]
  }[]
  return groups.flatMap((group) =>
    group.problems.map((problem) => ({
      where: `schema ${group.path.map((segment) => segment.name ?? '?').join('.')}`,
      message: `${problem.severity}: ${problem.message}`,
    })),
  )
}

function groqClient(documents: SanityDocument[]) {
  const client = {
    fetch: async (query: string, params: Record<string, unknown> = {}) =>
      (await evaluate(parse(query), {dataset: documents, params})).get(),
    withConfig: () => client,
    config: () => ({}),
  }
  return client
}

/** Turns a message key plus values into readable text, like the Studio's i18n does. */
function translate(key: string, values?: Record<string, unknown>) {
  return values && Object.keys(values).length ? `${key} ${JSON.stringify(values)}` : key
}

async function documentProblems(documents: SanityDocument[]): Promise<Problem[]> {
  const schema = createSchema({name: 'default', types: schemaTypes})
  const ids = new Set(documents.map((doc) => doc._id))
  const client = groqClient(documents)
  const workspace = {schema, i18n: {t: translate, loadNamespaces: async () => {}}} as unknown as Workspace
  const problems: Problem[] = []
  for (const document of documents) {
    if (!schema.get(document._type)) {
      problems.push({where: document._id, message: `unknown document type "${document._type}"`})
      continue
    }
    const markers = await validateDocument({
      document: document as Parameters<typeof validateDocument>[0]['document'],
      workspace,
      getClient: () => client as never,
      getDocumentExists: async ({id}) => ids.has(id),
      environment: 'cli',
    })
    for (const marker of markers) {
      if (marker.level === 'info') continue
      problems.push({
        where: `${document._id} ${marker.path.map((segment) => (typeof segment === 'object' ? JSON.stringify(segment) : segment)).join('.')}`,
        message: `${marker.level}: ${marker.message}`,
      })
    }
  }
  return problems
}

async function main() {
  const file = path.resolve(process.argv[2] ?? 'sanity/seed/dataset.ndjson')
  const problems = schemaProblems()
  let documents: SanityDocument[] = []
  try {
    documents = await readDataset(file)
  } catch (error) {
    problems.push({where: path.relative(process.cwd(), file), message: (error as Error).message})
  }
  problems.push(...(await documentProblems(documents)))
  problems.push(...findNameClashes(documents).map((message) => ({where: 'terms', message})))

  for (const problem of problems) console.error(`✗ ${problem.where}: ${problem.message}`)
  const counts = documents.reduce<Record<string, number>>(
    (acc, doc) => ({...acc, [doc._type]: (acc[doc._type] ?? 0) + 1}),
    {},
  )
  console.log(
    `content check: ${documents.length} documents (${Object.entries(counts)
      .map(([type, n]) => `${n} ${type}`)
      .join(', ')}), ${problems.length} problems`,
  )
  process.exitCode = problems.length ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
