import {DifficultyBadge} from '@/components/difficulty-badge'
import {Link} from '@/components/link.client'
import {termPath} from '@/lib/site/urls'
import type {Difficulty} from '@/lib/vocabulary'

type TermCard = {_id: string; title: string; slug: string; shortDefinition: string; difficulty: Difficulty}

/** Terms as cards (title, difficulty, short definition), each linking to its page. */
export function TermCardGrid({terms, className = ''}: {terms: TermCard[]; className?: string}) {
  return (
    <ul className={`grid gap-3 sm:grid-cols-2 ${className}`}>
      {terms.map((term) => (
        <li key={term._id}>
          <Link href={termPath(term.slug)} className="term-card">
            <span className="term-card-head">
              <span className="term-card-title">{term.title}</span>
              <DifficultyBadge difficulty={term.difficulty} />
            </span>
            <span className="card-note">{term.shortDefinition}</span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
