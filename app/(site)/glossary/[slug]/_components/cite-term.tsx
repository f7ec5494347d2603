import {CopyLinkButton} from '@/components/copy-link-button.client'
import {formatDate} from '@/lib/text/dates'
import {absoluteUrl, siteName, termPath} from '@/lib/site/urls'
import {TERM_PARTS} from '@/lib/content/term-sections'

/** The citation people paste into their own writing: title, site, canonical URL, updated date. */
export function citationFor(term: {title: string; slug: string; updated: string}): string {
  return `“${term.title}.” ${siteName}. Updated ${formatDate(term.updated)}. ${absoluteUrl(termPath(term.slug))}`
}

export function CiteTerm({term}: {term: {title: string; slug: string; updated: string}}) {
  const citation = citationFor(term)
  return (
    <section aria-labelledby={TERM_PARTS.cite.id}>
      <h2 id={TERM_PARTS.cite.id} className="text-lg font-semibold">
        {TERM_PARTS.cite.title}
      </h2>
      <blockquote className="mt-2 rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm break-words text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
        {citation}
      </blockquote>
      <div className="-ml-2 mt-2">
        <CopyLinkButton text={citation} label="Copy citation" className="share-link" />
      </div>
    </section>
  )
}
