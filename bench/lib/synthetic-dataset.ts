/**
 * Synthetic glossaries for the benchmark: N terms in the embedded dataset's NDJSON format, each
 * one shaped like a real term it is modelled on (same fields, text lengths, rich-text blocks,
 * internal links and reference counts), with invented words, so pages, queries and the build
 * see realistic sizes at 1,000 or 10,000 terms. The real categories, authors, guides and terms
 * are kept, so `/glossary/backlink` and every guide still resolve.
 */
import type {SanityDocument} from '@/lib/content/dataset'
import {slugify} from '@/lib/text/slug'

export type Random = () => number

/** mulberry32: a small seeded generator, so the same seed always gives the same dataset. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

function randomKey(random: Random, length: number): string {
  let key = ''
  for (let i = 0; i < length; i++) key += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)]
  return key
}

// Title parts: every synthetic name is "First Second" or "First Second Third".
const FIRST = (
  'Adaptive Ambient Anchored Atomic Balanced Blended Branded Cached Canonical Clustered ' +
  'Contextual Crawled Curated Deferred Dynamic Editorial Embedded Evergreen Faceted ' +
  'Federated Filtered Gated Geographic Granular Hybrid Indexed Layered Lateral Linked ' +
  'Localised Mapped Merged Mobile Modular Nested Organic Paginated Parallel Partial ' +
  'Persistent Primary Ranked Regional Rendered Scoped Seasonal Semantic Shared Silent ' +
  'Stacked Structured Syndicated Tiered Topical Unified Verified Weighted Zoned'
).split(' ')
const SECOND = (
  'Anchor Archive Audience Authority Backlog Banner Breadcrumb Bundle Cluster Cohort ' +
  'Content Crawl Directory Domain Entity Excerpt Facet Feed Fragment Funnel Heading Hub ' +
  'Image Index Intent Keyword Landing Link Listing Markup Mention Menu Metadata Navigation ' +
  'Outreach Page Passage Path Pillar Query Ranking Redirect Referral Render Review Schema ' +
  'Search Session Signal Sitemap Snippet Source Template Topic Traffic Snapshot Widget ' +
  'Visibility'
).split(' ')
const THIRD = (
  'Audit Budget Coverage Decay Density Depth Drift Gap Graph Health Lag Map Model Overlap ' +
  'Pattern Policy Profile Rate Ratio Score Share Strategy Threshold Velocity'
).split(' ')

// Prose: invented sentences from a plain vocabulary; only lengths and structure matter.
const WORDS = (
  'search engine page site link content reader query result ranking signal crawler index ' +
  'domain editor team traffic visit report metric source topic section heading title ' +
  'summary example change review update version address request response server browser ' +
  'device mobile desktop market brand product service customer question answer guide ' +
  'article archive category template format structure pattern weight value trust quality ' +
  'relevance context meaning intent audience campaign budget schedule release feature ' +
  'listing snippet preview image caption label menu footer sidebar body paragraph sentence ' +
  'word phrase term the a of to and in for on with that when which from by as more less ' +
  'each every most some often rarely usually clearly quickly slowly reads shows tells moves ' +
  'keeps finds builds checks links ranks earns loses gains measures compares explains ' +
  'describes supports improves reduces useful strong weak fresh stale local global public ' +
  'private simple complex early late small large narrow broad clear hidden visible stable ' +
  'steady'
).split(' ')

/** Words until the text is `length` characters long (never longer), as one or more sentences. */
export function prose(random: Random, length: number): string {
  if (length <= 0) return ''
  let text = ''
  let sentenceStart = true
  while (text.length < length) {
    let word: string = pick(random, WORDS)
    if (sentenceStart) word = word[0].toUpperCase() + word.slice(1)
    sentenceStart = random() < 0.08
    text += (text ? ' ' : '') + word + (sentenceStart ? '.' : '')
  }
  if (text.length === length) return text
  // Cut at the last whole word that leaves room for a full stop.
  const cut = text.lastIndexOf(' ', length - 1)
  return cut > 0 ? `${text.slice(0, cut).replace(/\.$/, '')}.` : text.slice(0, length)
}

/** Unique names: titles, aliases and previous slugs never claim a URL segment twice. */
class NameBook {
  private claimed = new Set<string>()

  constructor(private random: Random) {}

  claim(phrase: string): boolean {
    const segment = slugify(phrase)
    if (!segment || this.claimed.has(segment)) return false
    this.claimed.add(segment)
    return true
  }

  private phrase(): string {
    const words = [pick(this.random, FIRST), pick(this.random, SECOND)]
    if (this.random() < 0.85) words.push(pick(this.random, THIRD))
    return words.join(' ')
  }

  title(): string {
    for (;;) {
      const phrase = this.phrase()
      if (this.claim(phrase)) return phrase
    }
  }

  alias(): string {
    for (;;) {
      const words = this.phrase().toLowerCase().split(' ').reverse()
      const phrase = words.join(' ')
      if (this.claim(phrase)) return phrase
    }
  }
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

/** Fields whose text is replaced by invented prose of the same length. */
const TEXT_FIELDS = new Set(['text', 'shortDefinition', 'quickAnswer', 'description'])

const REAL_TERM_PREFIX = 'term-'
export const SYNTHETIC_TERM_PREFIX = 'term-bench-'

type Rewrite = {
  random: Random
  /** Old `_key` → new, per document, so marks keep pointing at their markDefs. */
  keys: Map<string, string>
  /** Picks the synthetic term a reference to a real term now points at. */
  termRef: () => string
}

function rewrite(value: Json, field: string, context: Rewrite): Json {
  if (Array.isArray(value)) {
    if (field === 'marks') {
      return value.map((mark) => (typeof mark === 'string' ? (context.keys.get(mark) ?? mark) : mark))
    }
    if (field === 'keyTakeaways') {
      return value.map((item) => (typeof item === 'string' ? prose(context.random, item.length) : item))
    }
    return value.map((item) => rewrite(item, field, context))
  }
  if (value && typeof value === 'object') {
    const result: {[key: string]: Json} = {}
    for (const [key, child] of Object.entries(value)) {
      if (key === '_key' && typeof child === 'string') {
        let fresh = context.keys.get(child)
        if (!fresh) {
          fresh = randomKey(context.random, 12)
          context.keys.set(child, fresh)
        }
        result[key] = fresh
      } else if (key === '_ref' && typeof child === 'string' && child.startsWith(REAL_TERM_PREFIX)) {
        result[key] = context.termRef()
      } else if (typeof child === 'string' && TEXT_FIELDS.has(key)) {
        result[key] = prose(context.random, child.length)
      } else if (key === 'title' && typeof child === 'string' && field === 'seo') {
        result[key] = prose(context.random, child.length)
      } else {
        result[key] = rewrite(child, key, context)
      }
    }
    return result
  }
  return value
}

const DAY_MS = 86_400_000
const FIRST_DAY = Date.UTC(2019, 0, 1)
const LAST_DAY = Date.UTC(2026, 9, 31)

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export type GenerateOptions = {
  /** Terms in the result, the real ones included. */
  terms: number
  seed?: number
}

/**
 * The real documents plus synthetic terms up to `terms`. Synthetic terms link only to each other
 * (and to the real guides), so the real terms' pages are the same at every size.
 */
export function generateDataset(
  base: SanityDocument[],
  {terms, seed = 1}: GenerateOptions,
): SanityDocument[] {
  const realTerms = base.filter((doc) => doc._type === 'term')
  const count = terms - realTerms.length
  if (count < 0) {
    throw new Error(`The base dataset already has ${realTerms.length} terms; ask for at least that many.`)
  }
  const categories = base.filter((doc) => doc._type === 'category').map((doc) => doc._id)
  const authors = base.filter((doc) => doc._type === 'author').map((doc) => doc._id)
  const random = seededRandom(seed)
  const names = new NameBook(random)
  for (const term of realTerms) {
    const slug = (term.slug as {current?: string} | undefined)?.current
    for (const name of [
      slug,
      ...((term.aliases as string[]) ?? []),
      ...((term.previousSlugs as string[]) ?? []),
    ]) {
      if (name) names.claim(name)
    }
  }

  const titles = Array.from({length: count}, () => names.title())
  const ids = titles.map((title) => `${SYNTHETIC_TERM_PREFIX}${slugify(title)}`)

  const synthetic = titles.map((title, index): SanityDocument => {
    const template = realTerms[index % realTerms.length] as unknown as {[key: string]: Json}
    const id = ids[index]
    const otherTerm = () => {
      if (ids.length < 2) throw new Error('Synthetic terms need at least two of them to link to each other.')
      for (;;) {
        const target = pick(random, ids)
        if (target !== id) return target
      }
    }
    const relatedRefs = new Set<string>()
    const context: Rewrite = {random, keys: new Map(), termRef: otherTerm}
    const body = rewrite(template, '', context) as {[key: string]: Json}
    // Related terms must be unique; draw again when a pick repeats.
    const related = (body.relatedTerms as {_ref: string}[] | undefined)?.map((ref) => {
      let target = ref._ref
      while (relatedRefs.has(target)) target = otherTerm()
      relatedRefs.add(target)
      return {...ref, _ref: target}
    })
    const updated = FIRST_DAY + Math.floor(random() * ((LAST_DAY - FIRST_DAY) / DAY_MS)) * DAY_MS
    const created = updated - Math.floor(random() * 400) * DAY_MS
    const aliases = ((template.aliases as string[] | undefined) ?? []).map(() => names.alias())
    const previousSlugs = ((template.previousSlugs as string[] | undefined) ?? []).map(() =>
      slugify(names.alias()),
    )
    const document: SanityDocument = {
      ...body,
      _id: id,
      _type: 'term',
      _rev: randomKey(random, 22),
      _createdAt: isoSecond(created + 36_000_000),
      _updatedAt: isoSecond(updated + 40_000_000),
      title,
      slug: {_type: 'slug', current: slugify(title)},
      aliases,
      category: {_type: 'reference', _ref: pick(random, categories)},
      author: {_type: 'reference', _ref: pick(random, authors)},
      updated: isoDay(updated),
    }
    if (related) document.relatedTerms = related
    if (previousSlugs.length) document.previousSlugs = previousSlugs
    else delete document.previousSlugs
    return document
  })

  return [...base, ...synthetic]
}

export const toNdjson = (documents: SanityDocument[]) =>
  documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n'
