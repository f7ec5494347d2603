import type {SlugValidationContext, ValidationContext} from 'sanity'

import {termNameSegments} from '@/lib/content/term-names'
import {slugify} from '@/lib/text/slug'
import {DEFAULT_API_VERSION} from '@/sanity/env'
import {OTHER_TERM_NAMES_QUERY} from '@/sanity/queries'
import type {OTHER_TERM_NAMES_QUERY_RESULT} from '@/sanity/sanity.types'

/** Both the draft and the published id of the document being edited. */
function ownIds(documentId: string | undefined): string[] {
  const published = (documentId ?? '').replace(/^drafts\./, '')
  return [published, `drafts.${published}`]
}

/**
 * Every URL segment another term already owns: its slug, its previous slugs and its
 * aliases (as slugs), so that no two terms compete for one phrase or one URL.
 */
async function takenSegments(context: ValidationContext): Promise<Map<string, string>> {
  const client = context.getClient({apiVersion: DEFAULT_API_VERSION})
  const others = await client.fetch<OTHER_TERM_NAMES_QUERY_RESULT>(OTHER_TERM_NAMES_QUERY, {
    ids: ownIds(context.document?._id),
  })
  const taken = new Map<string, string>()
  for (const other of others) {
    for (const name of termNameSegments(other)) taken.set(name, other.title)
  }
  return taken
}

export async function isTermSlugUnique(slug: string, context: SlugValidationContext) {
  const taken = await takenSegments(context)
  return !taken.has(slug)
}

/** Returns a plain-words message for the first alias another term already uses, or true. */
export async function checkAliasesUnique(
  aliases: string[] | undefined,
  context: ValidationContext,
): Promise<true | string> {
  if (!aliases?.length) return true
  const own = context.document?.slug as {current?: string} | undefined
  const seen = new Set<string>()
  const taken = await takenSegments(context)
  for (const alias of aliases) {
    const segment = slugify(alias)
    if (!segment) return `"${alias}" has no letters or digits to build a link from.`
    if (segment === own?.current) return `"${alias}" is the same as this term's own slug.`
    if (seen.has(segment)) return `"${alias}" is listed twice.`
    seen.add(segment)
    const owner = taken.get(segment)
    if (owner) return `"${alias}" is already used by the term "${owner}".`
  }
  return true
}
