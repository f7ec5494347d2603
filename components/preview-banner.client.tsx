'use client'

import {usePathname} from 'next/navigation'
import {useIsPresentationTool} from 'next-sanity/hooks'

/**
 * Tells an editor in draft mode that the page shows drafts, with a way out. Inside the Studio's
 * Presentation tool, which has its own perspective switch, it stays hidden. Fixed in place, so
 * it never shifts the page.
 */
export function PreviewBanner() {
  const pathname = usePathname()
  const inPresentationTool = useIsPresentationTool()
  if (inPresentationTool !== false) return null
  return (
    <div
      role="status"
      className="fixed inset-x-0 bottom-4 z-50 mx-auto flex w-fit items-center gap-3 rounded-full bg-zinc-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
    >
      <span>Preview: you are seeing drafts.</span>
      <a
        href={`/api/draft-mode/disable?redirect=${encodeURIComponent(pathname)}`}
        className="font-semibold underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Leave preview
      </a>
    </div>
  )
}
