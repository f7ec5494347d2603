import type {Metadata} from 'next'
import {notFound, permanentRedirect} from 'next/navigation'

import {getTermSummary, resolveTerm} from '@/lib/content'
import {absoluteUrl, pageAlternates, siteName, termPath} from '@/lib/site/urls'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

type Props = {params: Promise<{slug: string}>}

const embedPath = (slug: string) => `/embed/glossary/${slug}`

/** Cards render on their first request and are cached from then on: few terms get embedded. */
export async function generateStaticParams() {
  return []
}

/** The card's term, or a permanent redirect to its current address (resolveTerm), or a 404. */
async function loadTerm(segment: string) {
  const found = await resolveTerm(segment, getTermSummary)
  if (!found) notFound()
  if ('redirectTo' in found) permanentRedirect(embedPath(found.redirectTo))
  return found.term
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const term = await getTermSummary((await params).slug)
  if (!term) return {}
  return {
    title: `${term.title} | ${siteName}`,
    description: term.shortDefinition,
    alternates: pageAlternates(termPath(term.slug)),
  }
}

/** A compact definition card for other sites' iframes. The only route that may be framed. */
export default async function EmbedTermCard({params}: Props) {
  const term = await loadTerm((await params).slug)
  return (
    <main className="p-2">
      <article
        aria-labelledby="term-title"
        className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <p className="text-xs font-medium uppercase tracking-wider text-zinc-600 dark:text-zinc-400">
          {siteName}
        </p>
        <h1 id="term-title" className="mt-1 text-xl font-bold tracking-tight text-zinc-950 dark:text-white">
          {term.title}
        </h1>
        <p className="mt-2 leading-relaxed text-zinc-800 dark:text-zinc-200">{term.shortDefinition}</p>
        <a
          href={absoluteUrl(termPath(term.slug))}
          target="_blank"
          rel="noopener"
          className="mt-3 inline-block font-semibold text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300"
        >
          Read more
          <span className="sr-only">
            {' '}
            about {term.title} on {siteName} (opens in a new tab)
          </span>
          <span aria-hidden="true"> →</span>
        </a>
      </article>
    </main>
  )
}
