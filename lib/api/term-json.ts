import {z} from 'zod'

import type {TermSummary} from '../content'
import {absoluteUrl, termPath} from '../site'

/** A term slug as the schema makes them: lower-case words joined by single dashes, at most 96 characters. */
export const termSlugSchema = z
  .string()
  .max(96, 'A term slug is at most 96 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A term slug is lower-case letters and digits joined by dashes.')

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

/** Anyone may read it from any page: it is public, published content only. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
}

/** Shared caches keep an answer an hour and may serve it stale for a day while refreshing. */
export const PUBLIC_CACHE = {'Cache-Control': 'public, s-maxage=3600, stale-while-revalidate=86400'}

/** Errors are not cached: a term created a minute later must not stay a 404. */
export const NO_STORE = {'Cache-Control': 'no-store'}
