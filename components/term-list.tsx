import {Link} from '@/components/link.client'
import {termPath} from '@/lib/site/urls'
import type {Difficulty} from '@/lib/vocabulary'

import {DifficultyBadge} from './difficulty-badge'

export type TermListItem = {
  slug: string
  title: string
  shortDefinition: string
  difficulty: Difficulty
  /** Shown when a search found the term by this other name. */
  matchedAlias?: string | null
}

/** Terms as the index, category pages and search results list them. */
/** Each term's title is an h3: the lists sit under an h2 (a letter, "Terms" or the results). */
export function TermList({terms}: {terms: TermListItem[]}) {
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {terms.map((term) => (
        <li key={term.slug} className="py-4">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h3 className="text-lg font-semibold">
              <Link href={termPath(term.slug)} className="text-blue-800 hover:underline dark:text-blue-300">
                {term.title}
              </Link>
            </h3>
            <DifficultyBadge difficulty={term.difficulty} />
          </div>
          {term.matchedAlias && (
            <p className="mt-1 muted">
              Also known as{' '}
              <mark className="bg-yellow-100 px-0.5 dark:bg-yellow-900/60 dark:text-zinc-100">
                {term.matchedAlias}
              </mark>
            </p>
          )}
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">{term.shortDefinition}</p>
        </li>
      ))}
    </ul>
  )
}
