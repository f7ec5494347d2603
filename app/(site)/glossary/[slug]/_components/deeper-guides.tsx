import Link from 'next/link'

import type {DeeperGuide} from '@/lib/content'
import {safeHref} from '@/lib/safe-url'
import {guidePath} from '@/lib/site'

import {SectionHeading} from './section-heading'

export function DeeperGuides({slug, guides}: {slug: string; guides: DeeperGuide[]}) {
  return (
    <section aria-labelledby="deeper-guides">
      <SectionHeading id="deeper-guides" slug={slug}>
        Deeper Guides
      </SectionHeading>
      <ul className="space-y-3">
        {guides.map((guide) => {
          const external = safeHref(guide.externalUrl)
          return (
            <li key={guide._id}>
              {external ? (
                <a
                  href={external}
                  rel="noopener noreferrer"
                  target="_blank"
                  className="font-semibold text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
                >
                  {guide.title}
                  <span aria-hidden="true"> ↗</span>
                  <span className="sr-only"> (external site, opens in a new tab)</span>
                </a>
              ) : (
                <Link
                  href={guidePath(guide.slug)}
                  className="font-semibold text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
                >
                  {guide.title}
                </Link>
              )}
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{guide.summary}</p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
