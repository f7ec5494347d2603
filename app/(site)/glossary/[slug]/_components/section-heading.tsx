import {CopyLinkButton} from '@/components/copy-link-button.client'
import {termPath} from '@/lib/site'

/** An h2 with a stable anchor and a control that copies a deep link to it. */
export function SectionHeading({id, slug, children}: {id: string; slug: string; children: string}) {
  return (
    <div className="not-prose group mt-10 mb-3 flex items-center gap-2">
      <h2 id={id} className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
        {children}
      </h2>
      <CopyLinkButton
        path={`${termPath(slug)}#${id}`}
        label={`Copy link to the section "${children}"`}
        className="rounded px-1.5 py-0.5 text-lg text-zinc-500 hover:bg-zinc-100 hover:text-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-blue-300"
      >
        <span aria-hidden="true">#</span>
      </CopyLinkButton>
    </div>
  )
}
