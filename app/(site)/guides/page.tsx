import type {Metadata} from 'next'

import {Link} from '@/components/link.client'
import {listGuides, type GuideListItem} from '@/lib/content'
import {formatDate} from '@/lib/text/dates'
import {safeHref} from '@/lib/text/safe-url'
import {guidePath, pageAlternates} from '@/lib/site/urls'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

export const metadata: Metadata = {
  title: 'Guides',
  description: 'Step-by-step SEO guides from our editors, and the best guides elsewhere on the web.',
  alternates: pageAlternates('/guides'),
}

const titleLink = 'text-lg font-semibold text-blue-800 underline-offset-2 hover:underline dark:text-blue-300'

function GuideEntry({guide, external}: {guide: GuideListItem; external: string | null}) {
  return (
    <li className="py-4">
      {external ? (
        <a href={external} rel="noopener noreferrer" target="_blank" className={titleLink}>
          {guide.title}
          <span aria-hidden="true"> ↗</span>
          <span className="sr-only"> (external site, opens in a new tab)</span>
        </a>
      ) : (
        <Link href={guidePath(guide.slug)} className={titleLink}>
          {guide.title}
        </Link>
      )}
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">{guide.summary}</p>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 muted">
        {external && (
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            External · {new URL(external).hostname}
          </span>
        )}
        <span>
          {external ? 'Recommended by' : 'By'} {guide.author.name}
        </span>
        <span>
          Updated <time dateTime={guide.updated}>{formatDate(guide.updated)}</time>
        </span>
      </p>
    </li>
  )
}

export default async function GuidesPage() {
  const guides = (await listGuides()).map((guide) => ({guide, external: safeHref(guide.externalUrl)}))
  const ours = guides.filter(({external}) => !external)
  const elsewhere = guides.filter(({external}) => external)
  return (
    <div className="max-w-3xl">
      <h1 className="text-4xl font-bold tracking-tight">Guides</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Step-by-step guides that put the glossary’s terms to work.
      </p>
      <section aria-labelledby="our-guides" className="mt-8">
        <h2 id="our-guides" className="text-2xl font-semibold">
          From our editors
        </h2>
        <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
          {ours.map(({guide}) => (
            <GuideEntry key={guide._id} guide={guide} external={null} />
          ))}
        </ul>
      </section>
      {elsewhere.length > 0 && (
        <section aria-labelledby="external-guides" className="mt-10">
          <h2 id="external-guides" className="text-2xl font-semibold">
            Elsewhere on the web
          </h2>
          <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
            {elsewhere.map(({guide, external}) => (
              <GuideEntry key={guide._id} guide={guide} external={external} />
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
