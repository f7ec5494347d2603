import type {Metadata} from 'next'

import {DifficultyBadge} from '@/components/difficulty-badge'
import {Link} from '@/components/link.client'
import {SearchForm} from '@/components/search-form'
import {listCategories, listTerms, type TermIndexEntry} from '@/lib/content'
import {formatDate} from '@/lib/text/dates'
import {absoluteUrl, categoryPath, pageAlternates, siteName, termPath} from '@/lib/site/urls'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

const TITLE = `${siteName}: search and SEO terms, explained plainly`
const DESCRIPTION =
  'Plain-language definitions of search and SEO terms, each with a quick answer, an example and the detail behind it.'

export const metadata: Metadata = {
  title: {absolute: TITLE},
  description: DESCRIPTION,
  alternates: pageAlternates('/'),
  openGraph: {type: 'website', url: absoluteUrl('/'), siteName, title: TITLE, description: DESCRIPTION},
  twitter: {card: 'summary', title: TITLE, description: DESCRIPTION},
}

const RECENT = 6

/** A first term for each topic: its most recently reviewed beginner term. */
function startingPoints(terms: TermIndexEntry[], categorySlugs: string[]): TermIndexEntry[] {
  const byDate = [...terms].sort((a, b) => b.updated.localeCompare(a.updated))
  return categorySlugs.flatMap((slug) => {
    const first = byDate.find((term) => term.category?.slug === slug && term.difficulty === 'beginner')
    return first ? [first] : []
  })
}

const linkClass = 'font-semibold text-blue-800 hover:underline dark:text-blue-300'

export default async function HomePage() {
  const [terms, categories] = await Promise.all([listTerms(), listCategories()])
  const recent = [...terms].sort((a, b) => b.updated.localeCompare(a.updated)).slice(0, RECENT)
  const featured = startingPoints(
    terms,
    categories.map((category) => category.slug),
  )
  const counts = new Map<string, number>()
  for (const term of terms) {
    if (term.category) counts.set(term.category.slug, (counts.get(term.category.slug) ?? 0) + 1)
  }

  return (
    <div>
      <section aria-labelledby="home-heading" className="max-w-3xl">
        <h1 id="home-heading" className="text-4xl font-bold tracking-tight sm:text-5xl">
          Search terms, explained plainly
        </h1>
        <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">
          {terms.length} definitions of search and SEO terms, each with a quick answer and the detail behind
          it. Search by any name a term goes by.
        </p>
        <SearchForm landmarkLabel="Search the glossary" className="mt-6" />
        <p className="mt-2 muted">
          Or{' '}
          <Link href="/glossary" className="font-medium text-blue-800 underline dark:text-blue-300">
            browse all {terms.length} terms A to Z
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="categories-heading" className="mt-14">
        <h2 id="categories-heading" className="text-2xl font-semibold">
          Browse by topic
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {categories.map((category) => (
            <li key={category._id} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
              <h3 className="text-lg">
                <Link href={categoryPath(category.slug)} className={linkClass}>
                  {category.title}
                </Link>
              </h3>
              <p className="mt-1 muted">{counts.get(category.slug) ?? 0} terms</p>
              <p className="mt-2 text-zinc-700 dark:text-zinc-300">{category.description}</p>
            </li>
          ))}
        </ul>
      </section>

      <div className="mt-14 grid gap-12 lg:grid-cols-2">
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="text-2xl font-semibold">
            Recently updated
          </h2>
          <ul className="mt-4 space-y-4">
            {recent.map((term) => (
              <li key={term._id}>
                <h3 className="inline">
                  <Link href={termPath(term.slug)} className={linkClass}>
                    {term.title}
                  </Link>
                </h3>{' '}
                <span className="muted">
                  · <time dateTime={term.updated}>{formatDate(term.updated)}</time>
                </span>
                <p className="text-zinc-700 dark:text-zinc-300">{term.shortDefinition}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading" className="text-2xl font-semibold">
            Start here
          </h2>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">A beginner-friendly term from each topic.</p>
          <ul className="mt-4 space-y-4">
            {featured.map((term) => (
              <li key={term._id}>
                <div className="flex flex-wrap items-center gap-2">
                  <h3>
                    <Link href={termPath(term.slug)} className={linkClass}>
                      {term.title}
                    </Link>
                  </h3>
                  <DifficultyBadge difficulty={term.difficulty} />
                </div>
                <p className="text-zinc-700 dark:text-zinc-300">{term.shortDefinition}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}
