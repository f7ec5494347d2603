import {slugify} from '@/lib/text/slug'

type TermNames = {
  _id?: string
  _type?: string
  slug?: string | {current?: string} | null
  title?: unknown
  aliases?: unknown
  previousSlugs?: unknown
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

function slugOf(term: TermNames): string | undefined {
  return typeof term.slug === 'string' ? term.slug : (term.slug?.current ?? undefined)
}

/**
 * The URL segments a term answers to, its own first: its slug, its previous slugs and its aliases
 * (as slugs). The URL gate, the redirects, the dataset check and the Studio's uniqueness checks
 * all ask this one rule.
 */
export function termNameSegments(term: TermNames): string[] {
  const slug = slugOf(term)
  return [...(slug ? [slug] : []), ...strings(term.previousSlugs), ...strings(term.aliases).map(slugify)]
}

/** Every URL segment each term answers to, mapped to the slug of the term that owns it. */
export function termUrlSegments(terms: TermNames[]): Map<string, string> {
  const owners = new Map<string, string>()
  for (const term of terms) {
    const slug = slugOf(term)
    if (!slug) continue
    for (const segment of termNameSegments(term)) {
      if (!owners.has(segment)) owners.set(segment, slug)
    }
  }
  return owners
}

/** Describes every URL segment that two terms (or one term twice) claim. */
export function findNameClashes(documents: TermNames[]): string[] {
  const terms = documents.filter((doc) => doc._type === undefined || doc._type === 'term')
  const claims = new Map<string, string[]>()
  for (const term of terms) {
    const slug = slugOf(term) ?? term._id ?? '?'
    for (const segment of termNameSegments(term)) {
      if (!segment) continue
      claims.set(segment, [...(claims.get(segment) ?? []), slug])
    }
  }
  return [...claims.entries()]
    .filter(([, owners]) => owners.length > 1)
    .map(([segment, owners]) => `"${segment}" is claimed more than once (by ${owners.join(', ')})`)
}
