import {z} from 'zod'

import type {TermSummary} from '@/lib/content'
import {absoluteUrl, termPath} from '@/lib/site/urls'
import {SLUG_MAX_LENGTH, SLUG_PATTERN} from '@/lib/vocabulary'

/** A term slug as the schema makes them (lib/text/slug.ts), with the reason when a segment is not one. */
export const termSlugSchema = z
  .string()
  .max(SLUG_MAX_LENGTH, `A term slug is at most ${SLUG_MAX_LENGTH} characters.`)
  .regex(SLUG_PATTERN, 'A term slug is lower-case letters and digits joined by dashes.')

export type TermJson = {
  title: string
  shortDefinition: string
  aliases: string[]
  url: string
  updated: string
}

/** The public shape of a term for tools that build their own tooltip. */
export function termJson(term: TermSummary): TermJson {
  return {
    title: term.title,
    shortDefinition: term.shortDefinition,
    aliases: term.aliases ?? [],
    url: absoluteUrl(termPath(term.slug)),
    updated: term.updated,
  }
}
