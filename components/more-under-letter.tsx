import {Link} from '@/components/link.client'
import {letterName, letterSlug, type Letter} from '@/lib/content/glossary-index'
import {letterPath} from '@/lib/site/urls'

type Props = {
  letter: Letter
  /** Terms under the letter on this page, those that match its filters, and all there are. */
  shown: number
  matching: number
  total: number
}

/** Under a letter of the index that shows only some of its terms: how many, and a link to them all. */
export function MoreUnderLetter({letter, shown, matching, total}: Props) {
  if (matching <= shown) return null
  return (
    <p className="mt-2 text-zinc-700 dark:text-zinc-300">
      {`Showing ${shown} of ${matching}${matching < total ? ' matching' : ''}. `}
      <Link
        href={letterPath(letterSlug(letter))}
        className="font-medium text-blue-800 underline dark:text-blue-300"
      >
        All {total} terms under {letterName(letter)}
      </Link>
    </p>
  )
}
