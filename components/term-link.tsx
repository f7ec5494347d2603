import Link from 'next/link'
import {useId, type ReactNode} from 'react'

import {DifficultyBadge, type Difficulty} from './difficulty-badge'

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
      <span
        id={cardId}
        role="tooltip"
        className="not-prose invisible absolute left-0 z-10 block w-80 max-w-full pt-1 opacity-0 transition-[opacity,visibility] delay-150 duration-150 group-focus-within/term:visible group-focus-within/term:opacity-100 group-focus-within/term:delay-0 group-hover/term:visible group-hover/term:opacity-100 group-hover/term:delay-0 motion-reduce:transition-none"
      >
        <span className="block rounded-lg border border-zinc-200 bg-white p-3 text-left text-sm font-normal leading-snug text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          <span className="block font-semibold text-zinc-950 dark:text-white">{title}</span>
          <span className="mt-1 block">{shortDefinition}</span>
          <span className="mt-2 block">
            <DifficultyBadge difficulty={difficulty} />
          </span>
        </span>
      </span>
    </span>
  )
}
