/**
 * The link report for the content team, over a Sanity export (NDJSON): orphan terms, terms with
 * no related terms, references to missing or unpublished documents, the most-linked terms, and
 * the unlinked mentions per document (where text names a term without linking it).
 *
 * Usage: tsx scripts/links-report.ts [dataset.ndjson] [--json]
 * Exits 1 when a published document links to a missing document (so it can guard a publish
 * pipeline), 2 when the file cannot be read, else 0.
 */
import '@/lib/runtime/require-node.mjs'

import path from 'node:path'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {
  buildLinkReport,
  type DocumentSummary,
  type LinkReport,
  type ReferenceProblem,
} from '@/lib/links/report'

const name = (doc: DocumentSummary) => `${doc.title} (${doc.slug ?? doc.id})`

function problemLine(entry: ReferenceProblem) {
  const draft = entry.source.published ? '' : ' [draft]'
  return `  ${entry.source.type} ${name(entry.source)}${draft} ${entry.path} → "${entry.targetId}"`
}

function section(title: string, lines: string[]) {
  return [`${title} (${lines.length})`, ...(lines.length ? lines : ['  none'])].join('\n')
}

/** One document's unlinked mentions: how many, then each term with the words that name it. */
function mentionLines({document, mentions}: LinkReport['unlinkedMentions'][number]) {
  const byTerm = new Map<string, string[]>()
  for (const mention of mentions)
    byTerm.set(mention.termTitle, [...(byTerm.get(mention.termTitle) ?? []), mention.text])
  return [
    `  ${document.type} ${name(document)}: ${mentions.length}`,
    ...[...byTerm].map(([term, texts]) => `    ${term}: ${texts.map((text) => `"${text}"`).join(', ')}`),
  ].join('\n')
}

function formatReport(report: LinkReport, file: string): string {
  const {counts} = report
  const brokenFromPublished = report.missing.filter((entry) => entry.source.published).length
  return [
    `Link report for ${file}: ${counts.terms} terms, ${counts.guides} guides, ${counts.drafts} drafts`,
    section('References to missing documents', report.missing.map(problemLine)),
    section('References to unpublished (drafts-only) documents', report.unpublished.map(problemLine)),
    section(
      'Orphan terms: nothing links to them',
      report.orphanTerms.map((term) => `  ${name(term)}`),
    ),
    section(
      'Terms with no related terms',
      report.termsWithoutRelated.map((term) => `  ${name(term)}`),
    ),
    section(
      'Most-linked terms',
      report.mostLinked.map(({term, linkedFrom}) => `  ${String(linkedFrom).padStart(3)}  ${name(term)}`),
    ),
    section('Unlinked mentions per document', report.unlinkedMentions.map(mentionLines)),
    report.passes
      ? 'PASS: no published document links to a missing document.'
      : `FAIL: ${brokenFromPublished} reference(s) from published documents point at missing documents.`,
  ].join('\n\n')
}

async function main() {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const file = args.find((arg) => !arg.startsWith('--')) ?? 'sanity/seed/dataset.ndjson'
  let documents: SanityDocument[]
  try {
    documents = await readDataset(path.resolve(file), {checkReferences: false})
  } catch (error) {
    console.error(`links:report: ${(error as Error).message}`)
    process.exitCode = 2
    return
  }
  const report = buildLinkReport(documents)
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report, file))
  process.exitCode = report.passes ? 0 : 1
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 2
})
