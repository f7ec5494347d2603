import {readFileSync} from 'node:fs'
import {mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {coldRenderSlugs, PRERENDERED_TERMS, termSlugsByUpdated} from '@/bench/phases/cold-render'
import {
  generateDataset,
  prose,
  seededRandom,
  SYNTHETIC_TERM_PREFIX,
  toNdjson,
} from '@/bench/lib/synthetic-dataset'
import {parseDataset, type SanityDocument} from '@/lib/content/dataset'
import {findNameClashes} from '@/lib/content/term-names'

const EMBEDDED = 'sanity/seed/dataset.ndjson'
const base = parseDataset(readFileSync(EMBEDDED, 'utf8'), EMBEDDED)
const realTerms = base.filter((doc) => doc._type === 'term')

type Block = {
  _type: string
  _key: string
  markDefs?: {_key: string; _type: string; reference?: {_ref: string}}[]
  children?: {_key: string; marks?: string[]}[]
}
type Term = SanityDocument & {
  title: string
  slug: {current: string}
  shortDefinition: string
  quickAnswer: string
  keyTakeaways: string[]
  aliases: string[]
  relatedTerms?: {_ref: string; _key: string}[]
  intro?: Block[]
  whatItMeans?: Block[]
}

const terms = (documents: SanityDocument[]) => documents.filter((doc): doc is Term => doc._type === 'term')
const synthetic = (documents: SanityDocument[]) =>
  terms(documents).filter((doc) => doc._id.startsWith(SYNTHETIC_TERM_PREFIX))
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const refCount = (doc: SanityDocument) => JSON.stringify(doc).split('"_ref"').length - 1

function keysIn(value: unknown, keys: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => keysIn(item, keys))
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '_key' && typeof child === 'string') keys.push(child)
      else keysIn(child, keys)
    }
  }
  return keys
}

describe('generateDataset', () => {
  const documents = generateDataset(base, {terms: 400, seed: 7})
  const generated = synthetic(documents)

  it('writes NDJSON that the real loader accepts: valid lines, unique ids, every reference resolving', () => {
    const parsed = parseDataset(toNdjson(documents), 'generated.ndjson')
    expect(parsed).toHaveLength(documents.length)
    expect(terms(parsed)).toHaveLength(400)
  })

  it('keeps the real categories, authors, guides and terms unchanged', () => {
    expect(documents.slice(0, base.length)).toEqual(base)
    expect(generated).toHaveLength(400 - realTerms.length)
  })

  it('gives every term its own slug, aliases and previous slugs', () => {
    expect(findNameClashes(documents)).toEqual([])
  })

  it('links each synthetic term to other synthetic terms, never to itself, each related term once', () => {
    const ids = new Set(generated.map((doc) => doc._id))
    for (const term of generated) {
      const related = term.relatedTerms!.map((ref) => ref._ref)
      expect(new Set(related).size).toBe(related.length)
      expect(related).not.toContain(term._id)
      for (const ref of related) expect(ids.has(ref)).toBe(true)
    }
  })

  it('keeps rich text consistent: unique keys, and every link mark pointing at a link definition', () => {
    for (const term of generated) {
      const keys = keysIn(term)
      expect(new Set(keys).size).toBe(keys.length)
      for (const block of [...(term.intro ?? []), ...(term.whatItMeans ?? [])]) {
        const defined = new Set((block.markDefs ?? []).map((def) => def._key))
        for (const child of block.children ?? []) {
          for (const mark of child.marks ?? []) {
            expect(['strong', 'em', 'code'].includes(mark) || defined.has(mark)).toBe(true)
          }
        }
      }
    }
  })

  it('stays within the schema limits the real terms respect', () => {
    for (const term of generated) {
      expect(term.title.length).toBeLessThanOrEqual(80)
      expect(term.shortDefinition.length).toBeLessThanOrEqual(220)
      expect(term.quickAnswer.length).toBeLessThanOrEqual(320)
      expect(term.keyTakeaways.length).toBeGreaterThanOrEqual(2)
      expect(term.keyTakeaways.length).toBeLessThanOrEqual(6)
      for (const takeaway of term.keyTakeaways) expect(takeaway.length).toBeLessThanOrEqual(160)
      expect(term.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('matches the real terms in size and number of links', () => {
    const realSize = median(realTerms.map((doc) => JSON.stringify(doc).length))
    const size = median(generated.map((doc) => JSON.stringify(doc).length))
    expect(Math.abs(size - realSize) / realSize).toBeLessThan(0.15)
    expect(median(generated.map(refCount))).toBe(median(realTerms.map(refCount)))
  })

  it('gives the same dataset for the same seed and another for another seed', () => {
    expect(toNdjson(generateDataset(base, {terms: 60, seed: 3}))).toBe(
      toNdjson(generateDataset(base, {terms: 60, seed: 3})),
    )
    expect(toNdjson(generateDataset(base, {terms: 60, seed: 3}))).not.toBe(
      toNdjson(generateDataset(base, {terms: 60, seed: 4})),
    )
  })

  it('refuses fewer terms than the real dataset already has', () => {
    expect(() => generateDataset(base, {terms: realTerms.length - 1})).toThrow(/at least/)
  })
})

describe('prose', () => {
  it('fills exactly the length asked for or ends a word early, never longer', () => {
    const random = seededRandom(1)
    for (const length of [1, 5, 40, 219, 320]) {
      const text = prose(random, length)
      expect(text.length).toBeLessThanOrEqual(length)
      expect(text.length).toBeGreaterThan(length - 16)
    }
  })
})

describe('a generated dataset through the real content source', () => {
  const previous = process.env.CONTENT_DATASET_FILE
  afterAll(() => {
    if (previous === undefined) delete process.env.CONTENT_DATASET_FILE
    else process.env.CONTENT_DATASET_FILE = previous
  })

  it('serves a synthetic term with its related terms and internal links resolved', async () => {
    const documents = generateDataset(base, {terms: 120, seed: 11})
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-dataset-'))
    const file = path.join(dir, 'dataset.ndjson')
    await writeFile(file, toNdjson(documents))
    process.env.CONTENT_DATASET_FILE = file
    const {getTerm} = await import('@/lib/content')

    const [sample] = synthetic(documents)
    const term = await getTerm(sample.slug.current)
    expect(term?.title).toBe(sample.title)
    expect(term?.relatedTerms?.length).toBe(sample.relatedTerms!.length)
    for (const related of term!.relatedTerms!) expect(related.title).toEqual(expect.any(String))
    const links = [
      term!.intro,
      term!.whatItMeans,
      term!.whyItMatters,
      term!.exampleInPractice,
      term!.whatItIsNot,
    ]
      .flatMap((blocks) => blocks ?? [])
      .flatMap((block) => ('markDefs' in block ? (block.markDefs ?? []) : []))
      .filter((def) => def._type === 'internalLink')
    for (const link of links) {
      expect(link).toMatchObject({target: {slug: expect.any(String)}})
    }
    // Backlink is the same page at every size: only real terms and guides link to it.
    const realSlugs = new Set(base.map((doc) => (doc.slug as {current?: string} | undefined)?.current))
    const referencedBy = (await getTerm('backlink'))?.referencedBy ?? []
    expect(referencedBy.length).toBeGreaterThan(0)
    for (const ref of referencedBy) expect(realSlugs.has(ref.slug ?? undefined)).toBe(true)
  })
})

describe('cold render terms', () => {
  const documents = generateDataset(base, {terms: 500, seed: 5})

  it('are the least recently updated ones, none of them prerendered', () => {
    const prerendered = new Set(termSlugsByUpdated(documents).slice(0, PRERENDERED_TERMS))
    const {warmUp, measured} = coldRenderSlugs(documents, 50)
    expect(measured).toHaveLength(50)
    expect(new Set([warmUp, ...measured]).size).toBe(51)
    for (const slug of [warmUp, ...measured]) expect(prerendered.has(slug)).toBe(false)
  })

  it('cannot be found in a dataset that is almost all prerendered', () => {
    expect(() => coldRenderSlugs(documents, 300)).toThrow(/not prerendered/)
  })
})
