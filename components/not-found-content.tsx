import Link from 'next/link'

import {listTerms} from '@/lib/content'
import {termPath} from '@/lib/site'

const SUGGESTIONS = 6

/** A 404 that helps: search the glossary, or pick up one of the most recently updated terms. */
export async function NotFoundContent() {
  const terms = await listTerms()
  const suggestions = [...terms].sort((a, b) => b.updated.localeCompare(a.updated)).slice(0, SUGGESTIONS)
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">We couldn’t find that page</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        The term may go by another name. Search the glossary, or start from a recently updated term.
      </p>
      <form action="/glossary" method="get" role="search" className="mt-6 flex gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          Search the glossary
        </label>
        <input
          id="not-found-search"
          name="q"
          type="search"
          placeholder="Search terms, e.g. inbound link"
          className="w-full rounded-lg border border-zinc-400 px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
        />
        <button
          type="submit"
          className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
        >
          Search
        </button>
      </form>
      <h2 className="mt-10 text-xl font-semibold">Recently updated terms</h2>
      <ul className="mt-3 space-y-2">
        {suggestions.map((term) => (
          <li key={term._id}>
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
