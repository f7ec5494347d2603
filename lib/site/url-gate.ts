import {letterFromSlug} from '@/lib/content/glossary-index'
import type {NamedPage} from '@/lib/content/page-names'
import {isSlug} from '@/lib/text/slug'

/** How a missing page is answered: the site's 404 page, or JSON for the APIs and Markdown. */
export type MissingAnswer = 'page' | 'json'

export type GateVerdict =
  {kind: 'pass'} | {kind: 'malformed'} | {kind: 'missing'; answer: MissingAnswer; segment: string}

type Route = {prefix: string; page: NamedPage | 'letter'; answer: MissingAnswer}

/** The dynamic routes, most specific first. Each takes one segment (and, for pages, their OG image). */
const ROUTES: Route[] = [
  {prefix: '/glossary/category/', page: 'category', answer: 'page'},
  {prefix: '/glossary/letter/', page: 'letter', answer: 'page'},
  {prefix: '/glossary/', page: 'term', answer: 'page'},
  {prefix: '/guides/', page: 'guide', answer: 'page'},
  {prefix: '/authors/', page: 'author', answer: 'page'},
  {prefix: '/embed/glossary/', page: 'term', answer: 'page'},
  {prefix: '/api/terms/', page: 'term', answer: 'json'},
  {prefix: '/api/markdown/', page: 'term', answer: 'json'},
]

function decoded(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

/**
 * Decides, before anything renders, fetches or caches, whether a request for a dynamic route names
 * a published page. Next caches the 404 of such a route once per URL, so invented addresses would
 * each leave a file behind; the gate answers them instead. Upper-case spellings, aliases and old
 * slugs pass, for the page to redirect.
 */
export async function gate(
  pathname: string,
  isPublishedName: (page: NamedPage, segment: string) => Promise<boolean>,
): Promise<GateVerdict> {
  const path = decoded(pathname)
  if (path === null || /[\u0000-\u001f\u007f]/.test(path)) return {kind: 'malformed'}
  const route = ROUTES.find(({prefix}) => path.startsWith(prefix))
  if (!route) return {kind: 'pass'}
  const rest = path.slice(route.prefix.length)
  const first = rest.split('/')[0]!
  // `/glossary/backlink.md` is the term's Markdown (a rewrite in next.config.ts).
  const isMarkdown = route.prefix === '/glossary/' && first.endsWith('.md') && !rest.includes('/')
  const segment = (isMarkdown ? first.slice(0, -3) : first).toLowerCase()
  const answer = isMarkdown ? 'json' : route.answer
  if (!segment) return {kind: 'pass'}
  // Lower-cased above, so the slug's own rule applies to every spelling of it.
  const wellFormed = isSlug(segment)
  // The JSON API explains a malformed slug itself (a 400), without any look-up.
  if (!wellFormed && route.prefix === '/api/terms/') return {kind: 'pass'}
  const known =
    wellFormed &&
    (route.page === 'letter' ? letterFromSlug(segment) !== null : await isPublishedName(route.page, segment))
  return known ? {kind: 'pass'} : {kind: 'missing', answer, segment}
}
