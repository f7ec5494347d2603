import type {Metadata} from 'next'
import Link from 'next/link'

import {DifficultyBadge} from '@/components/difficulty-badge'
import {listTerms} from '@/lib/content'
import {absoluteUrl, termPath} from '@/lib/site'

// Segment config must be a literal; keep in step with REVALIDATE_SECONDS.
export const revalidate = 3600

export const metadata: Metadata = {
  title: 'Glossary: every term, A to Z',
  description: 'Every search and SEO term we define, from A to Z, each with a one-line definition.',
  alternates: {canonical: absoluteUrl('/glossary')},
}

export default async function GlossaryIndexPage() {
  const terms = await listTerms()
  return (
    <div className="max-w-3xl">
      <h1 className="text-4xl font-bold tracking-tight">Glossary</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{terms.length} terms, A to Z.</p>
      <ul className="mt-8 divide-y divide-zinc-200 dark:divide-zinc-800">
        {terms.map((term) => (
          <li key={term._id} className="py-4">
            <div className="flex items-center gap-3">
              <Link
                href={termPath(term.slug)}
                className="text-lg font-semibold text-blue-800 hover:underline dark:text-blue-300"
              >
                {term.title}
              </Link>
              <DifficultyBadge difficulty={term.difficulty} />
            </div>
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">{term.shortDefinition}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
