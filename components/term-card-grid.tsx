import Link from 'next/link'

import {DifficultyBadge, type Difficulty} from '@/components/difficulty-badge'
import {termPath} from '@/lib/site'

type TermCard = {_id: string; title: string; slug: string; shortDefinition: string; difficulty: Difficulty}

/** Terms as cards (title, difficulty, short definition), each linking to its page. */
export function TermCardGrid({terms, className = ''}: {terms: TermCard[]; className?: string}) {
  return (
    <ul className={`grid gap-3 sm:grid-cols-2 ${className}`}>
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
  )
}
