import {z} from 'zod'

import {getTerm, resolveTerm} from '@/lib/content'
import {termMarkdown} from '@/lib/markdown/term'
import {prerenderedTermParams} from '@/lib/content/prerender'
import {absoluteUrl, termMarkdownPath, termPath} from '@/lib/site/urls'
import {SLUG_MAX_LENGTH, SLUG_PATTERN} from '@/lib/vocabulary'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

// Any case: an upper-case spelling redirects to the slug.
const Slug = z.string().max(SLUG_MAX_LENGTH).regex(new RegExp(SLUG_PATTERN.source, 'i'))

export const generateStaticParams = prerenderedTermParams

/** Shared caches keep this file: it never holds a draft, even for an editor in draft mode. */
const PUBLISHED = {published: true}

const redirect = (slug: string) =>
  new Response(null, {status: 308, headers: {Location: termMarkdownPath(slug)}})

/**
 * GET /glossary/<slug>.md (rewritten here by next.config.ts): the term as Markdown. Upper-case
 * spellings, aliases and old slugs redirect just as the term page does.
 */
export async function GET(_request: Request, {params}: {params: Promise<{slug: string}>}) {
  const parsed = Slug.safeParse((await params).slug)
  if (!parsed.success) return Response.json({error: 'That is not a term slug.'}, {status: 404})
  const found = await resolveTerm(parsed.data, (slug) => getTerm(slug, PUBLISHED), PUBLISHED)
  if (!found) {
    return Response.json({error: `No term is published at ${termMarkdownPath(parsed.data)}.`}, {status: 404})
  }
  if ('redirectTo' in found) return redirect(found.redirectTo)
  return new Response(termMarkdown(found.term), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      // The HTML page is the one to index; this is the same content in another format.
      Link: `<${absoluteUrl(termPath(found.term.slug))}>; rel="canonical"`,
    },
  })
}
