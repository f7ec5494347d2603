import {useId, type ReactNode} from 'react'

import {Link} from '@/components/link.client'
import type {Difficulty} from '@/lib/vocabulary'

import {DifficultyBadge} from './difficulty-badge'

type Props = {
  href: string
  title: string
  shortDefinition: string
  difficulty: Difficulty
  children: ReactNode
}

/**
 * A link to a term with a preview card (title, definition, difficulty) that shows on hover and
 * keyboard focus. It needs no JavaScript: the card is in the markup already, shown with CSS, and
 * it is the link's accessible description, so screen readers get the definition too.
 *
 * The card is absolutely positioned with `top`/`left` resolved against the enclosing text block
 * (rich-text blocks are `relative`), so it opens on the line below the link, lined up with the
 * block's left edge and never wider than it: no layout shift and no overflow on narrow screens.
 * Hiding is delayed a moment so the pointer can cross from the link to the card.
 */
export function TermLink({href, title, shortDefinition, difficulty, children}: Props) {
  const cardId = useId()
  return (
    <span className="group/term">
      <Link href={href} aria-describedby={cardId}>
        {children}
      </Link>
      <span id={cardId} role="tooltip" className="not-prose term-preview">
        <span className="term-preview-card">
          <span className="term-preview-title">{title}</span>
          <span className="mt-1 block">{shortDefinition}</span>
          <span className="mt-2 block">
            <DifficultyBadge difficulty={difficulty} />
          </span>
        </span>
      </span>
    </span>
  )
}
