import Link from 'next/link'

import {listTerms} from '@/lib/content'
import {termPath} from '@/lib/site'

// Segment config must be a literal; keep in step with REVALIDATE_SECONDS.
export const revalidate = 3600

export default async function HomePage() {
  const terms = await listTerms()
  const recent = [...terms].sort((a, b) => b.updated.localeCompare(a.updated)).slice(0, 6)
  return (
    <div className="max-w-3xl">
      <h1 className="text-4xl font-bold tracking-tight">Search terms, explained plainly</h1>
      <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">
        {terms.length} definitions of search and SEO terms, each with a quick answer and the detail behind it.
      </p>
      <p className="mt-6">
        <Link
          href="/glossary"
          className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
        >
          Browse the glossary
        </Link>
      </p>
      <h2 className="mt-12 text-xl font-semibold">Recently updated</h2>
      <ul className="mt-3 space-y-2">
        {recent.map((term) => (
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
