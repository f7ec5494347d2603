import {Link} from '@/components/link.client'
import {listRecentTerms} from '@/lib/content'
import {searchTerms} from '@/lib/search/term-search'
import {termPath} from '@/lib/site/urls'

import {SearchForm} from './search-form'

const SUGGESTIONS = 6

/** The terms whose names come closest to a missing URL segment ("core-web-vital" finds the plural). */
async function closestTerms(missing: string) {
  const words = missing.replace(/-/g, ' ').trim()
  return words ? (await searchTerms(words, SUGGESTIONS)).results : []
}

/**
 * A 404 that helps: search the glossary, or pick up the terms closest to the address asked for
 * (`missing`, when known) or else the most recently updated ones. Without `suggest` it offers the
 * search and the full list only: a segment's not-found page (app/(site)/not-found.tsx) is sent
 * inside every page under it, in the RSC payload, so it stays small there.
 */
export async function NotFoundContent({missing = '', suggest = true}: {missing?: string; suggest?: boolean}) {
  if (!suggest) {
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">We couldn’t find that page</h1>
        <p className="mt-3 text-zinc-700 dark:text-zinc-300">
          The term may go by another name. Search the glossary, or browse{' '}
          <Link href="/glossary" className="font-medium text-blue-800 hover:underline dark:text-blue-300">
            every term
          </Link>
          .
        </p>
        <SearchForm landmarkLabel="Search the glossary" className="mt-6" />
      </div>
    )
  }
  const closest = await closestTerms(missing)
  const suggestions = closest.length ? closest : (await listRecentTerms()).slice(0, SUGGESTIONS)
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">We couldn’t find that page</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        The term may go by another name. Search the glossary, or start from a recently updated term.
      </p>
      <SearchForm landmarkLabel="Search the glossary" className="mt-6" />
      <h2 className="mt-10 text-xl font-semibold">
        {closest.length ? 'Closest terms' : 'Recently updated terms'}
      </h2>
      <ul className="mt-3 space-y-2">
        {suggestions.map((term) => (
          <li key={term.slug}>
            <Link
              href={termPath(term.slug)}
              className="font-medium text-blue-800 hover:underline dark:text-blue-300"
            >
              {term.title}
            </Link>
            <span className="text-zinc-600 dark:text-zinc-400"> — {term.shortDefinition}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
