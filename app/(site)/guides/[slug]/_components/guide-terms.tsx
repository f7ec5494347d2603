import Link from 'next/link'

import {DifficultyBadge} from '@/components/difficulty-badge'
import type {GuideTerm} from '@/lib/content'
import {termPath} from '@/lib/site'

/** The terms the guide's text links to, so a reader can look each one up in one place. */
export function GuideTerms({terms}: {terms: GuideTerm[]}) {
  return (
    <section aria-labelledby="terms-in-this-guide" className="mt-12">
      <h2 id="terms-in-this-guide" className="text-2xl font-semibold tracking-tight">
        Terms in this guide
      </h2>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {terms.map((term) => (
          <li key={term._id}>
            <Link
              href={termPath(term.slug)}
              className="block h-full rounded-lg border border-zinc-200 p-4 transition hover:border-blue-500 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:hover:border-blue-400"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="font-semibold text-blue-800 dark:text-blue-300">{term.title}</span>
                <DifficultyBadge difficulty={term.difficulty} />
              </span>
              <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">
                {term.shortDefinition}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
