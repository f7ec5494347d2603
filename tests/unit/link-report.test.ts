import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'

import {evaluate, parse} from 'groq-js'

import {getTerm} from '@/lib/content'
import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {buildLinkReport, type ReportDocument} from '@/lib/links/report'
import {LINK_REPORT_DOCUMENTS_QUERY} from '@/sanity/queries'

const root = path.join(__dirname, '../..')
const embedded = path.join(root, 'sanity/seed/dataset.ndjson')
const brokenFixture = path.join(root, 'tests/fixtures/broken-links.ndjson')

const slugsOf = (docs: {slug: string | null}[]) => docs.map((doc) => doc.slug)

describe('buildLinkReport over the broken-links fixture', () => {
  let documents: SanityDocument[]

  beforeAll(async () => {
    documents = await readDataset(brokenFixture, {checkReferences: false})
  })

  it('fails because a published term links to a deleted one, naming where', () => {
    const report = buildLinkReport(documents)
    expect(report.passes).toBe(false)
    expect(report.missing).toEqual([
      {
        source: {id: 'term-alpha', type: 'term', title: 'Alpha', slug: 'alpha', published: true},
        path: 'whatItMeans[0].markDefs[0].reference',
        targetId: 'term-gone',
        problem: 'missing',
      },
      {
        source: {id: 'drafts.term-delta', type: 'term', title: 'Delta', slug: 'delta', published: false},
        path: 'whatItMeans[0].markDefs[0].reference',
        targetId: 'term-also-gone',
        problem: 'missing',
      },
    ])
  })

  it('lists references to drafts-only documents as unpublished', () => {
    expect(buildLinkReport(documents).unpublished).toEqual([
      {
        source: {id: 'term-gamma', type: 'term', title: 'Gamma', slug: 'gamma', published: true},
        path: 'relatedTerms[0]',
        targetId: 'term-delta',
        problem: 'unpublished',
      },
    ])
  })

  it('finds orphan terms, terms without related terms and the most-linked terms', () => {
    const report = buildLinkReport(documents)
    expect(report.counts).toEqual({terms: 3, guides: 1, drafts: 1})
    expect(slugsOf(report.orphanTerms)).toEqual(['gamma'])
    // Gamma's only related term is a draft, so readers see no related terms either.
    expect(slugsOf(report.termsWithoutRelated)).toEqual(['beta', 'gamma'])
    expect(report.mostLinked.map(({term, linkedFrom}) => [term.slug, linkedFrom])).toEqual([
      ['beta', 2],
      ['alpha', 1],
    ])
  })
})

describe('buildLinkReport rules', () => {
  const term = (id: string, extra: object = {}): ReportDocument => ({
    _id: id,
    _type: 'term',
    title: id,
    slug: {current: id},
    ...extra,
  })
  const link = (to: string) => ({
    _type: 'block',
    markDefs: [{_key: 'm', _type: 'internalLink', reference: {_ref: to}}],
  })

  it('passes when only a draft links to a missing document', () => {
    const report = buildLinkReport([term('a'), term('drafts.a', {body: [link('gone')]})])
    expect(report.missing).toHaveLength(1)
    expect(report.passes).toBe(true)
  })

  it('passes when a published document links to an unpublished one', () => {
    const report = buildLinkReport([term('a', {body: [link('b')]}), term('drafts.b')])
    expect(report.unpublished.map((entry) => entry.targetId)).toEqual(['b'])
    expect(report.passes).toBe(true)
  })

  it('does not count a link from a term to itself or from a draft', () => {
    const report = buildLinkReport([
      term('a', {body: [link('a')]}),
      term('b'),
      term('drafts.b', {body: [link('a')]}),
    ])
    expect(slugsOf(report.orphanTerms)).toEqual(['a', 'b'])
    expect(report.mostLinked).toEqual([])
  })

  it('ignores image asset references, which point at uploads rather than content', () => {
    const report = buildLinkReport([
      term('a', {body: [{_type: 'image', asset: {_ref: 'image-abc-800x600-png'}}]}),
    ])
    expect(report.missing).toEqual([])
  })
})

describe('the link report over the embedded dataset', () => {
  let documents: SanityDocument[]

  beforeAll(async () => {
    documents = await readDataset(embedded)
  })

  it('passes: no broken, unpublished, orphan or unrelated terms', () => {
    const report = buildLinkReport(documents)
    expect(report.passes).toBe(true)
    expect(report.missing).toEqual([])
    expect(report.unpublished).toEqual([])
    expect(report.orphanTerms).toEqual([])
    expect(report.termsWithoutRelated).toEqual([])
    expect(report.counts).toEqual({terms: 37, guides: 11, drafts: 0})
  })

  it('counts the same backlinks as the term page’s "Referenced by" (GROQ references())', async () => {
    const {mostLinked} = buildLinkReport(documents)
    expect(mostLinked).toHaveLength(10)
    expect(mostLinked[0]!.term.slug).toBe('backlink')
    for (const {term, linkedFrom} of mostLinked) {
      const page = await getTerm(term.slug!)
      expect([term.slug, page!.referencedBy.length]).toEqual([term.slug, linkedFrom])
    }
  })

  it('lists where published text names a term without linking it, per document', () => {
    const {unlinkedMentions} = buildLinkReport(documents)
    const audit = unlinkedMentions.find(({document}) => document.slug === 'backlink-profile-audit')
    expect(audit?.document.type).toBe('guide')
    expect(audit?.mentions.map((mention) => mention.termTitle)).toContain('Backlink')
    // Most mentions first; no document lists a mention of itself.
    const counts = unlinkedMentions.map(({mentions}) => mentions.length)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    for (const {document, mentions} of unlinkedMentions) {
      expect(mentions.every((mention) => mention.termId !== document.id)).toBe(true)
    }
  })

  it('gives the Studio the same report from the documents its query fetches', async () => {
    const fetched = (await (
      await evaluate(parse(LINK_REPORT_DOCUMENTS_QUERY), {dataset: documents})
    ).get()) as ReportDocument[]
    expect(fetched.length).toBe(documents.length)
    expect(buildLinkReport(fetched)).toEqual(buildLinkReport(documents))
  })
})

describe('npm run links:report (scripts/links-report.ts)', () => {
  jest.setTimeout(60_000)
  const run = promisify(execFile)

  async function linksReport(...args: string[]) {
    try {
      const {stdout, stderr} = await run(
        path.join(root, 'node_modules/.bin/tsx'),
        ['scripts/links-report.ts', ...args],
        {cwd: root},
      )
      return {code: 0, stdout, stderr}
    } catch (error) {
      const failed = error as {code: number; stdout: string; stderr: string}
      return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr}
    }
  }

  it('passes on the embedded dataset by default', async () => {
    const result = await linksReport()
    expect(result.stdout).toContain('37 terms, 11 guides, 0 drafts')
    expect(result.stdout).toContain('References to missing documents (0)')
    expect(result.stdout).toMatch(/Most-linked terms \(10\)\n\s+\d+ {2}Backlink \(backlink\)/)
    expect(result.stdout).toMatch(
      /Unlinked mentions per document \(\d+\)[^]*guide How to Audit a Backlink Profile \(backlink-profile-audit\): \d+\n\s+Backlink: "backlink"/,
    )
    expect(result.stdout).toContain('PASS')
    expect(result.code).toBe(0)
  })

  it('exits 1 on a dataset where a published term links to a missing one', async () => {
    const result = await linksReport('tests/fixtures/broken-links.ndjson')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('term Alpha (alpha) whatItMeans[0].markDefs[0].reference → "term-gone"')
    expect(result.stdout).toContain('term Gamma (gamma) relatedTerms[0] → "term-delta"')
    expect(result.stdout).toContain('FAIL: 1 reference(s) from published documents')
  })

  it('prints the report as JSON with --json', async () => {
    const result = await linksReport('tests/fixtures/broken-links.ndjson', '--json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report.passes).toBe(false)
    expect(report.orphanTerms.map((term: {slug: string}) => term.slug)).toEqual(['gamma'])
  })

  it('exits 2 when the file cannot be read', async () => {
    const result = await linksReport('tests/fixtures/no-such-file.ndjson')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no-such-file.ndjson: cannot read')
  })
})
