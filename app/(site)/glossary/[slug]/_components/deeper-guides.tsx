import {Link} from '@/components/link.client'
import type {DeeperGuide} from '@/lib/content'
import {safeHref} from '@/lib/text/safe-url'
import {guidePath} from '@/lib/site/urls'
import {TERM_PARTS} from '@/lib/content/term-sections'

import {SectionHeading} from './section-heading'

export function DeeperGuides({slug, guides}: {slug: string; guides: DeeperGuide[]}) {
  return (
    <section aria-labelledby={TERM_PARTS.deeperGuides.id}>
      <SectionHeading id={TERM_PARTS.deeperGuides.id} slug={slug}>
        {TERM_PARTS.deeperGuides.title}
      </SectionHeading>
      <ul className="space-y-3">
        {guides.map((guide) => {
          const external = safeHref(guide.externalUrl)
          return (
            <li key={guide._id}>
              {external ? (
                <a href={external} rel="noopener noreferrer" target="_blank" className="title-link">
                  {guide.title}
                  <span aria-hidden="true"> ↗</span>
                  <span className="sr-only"> (external site, opens in a new tab)</span>
                </a>
              ) : (
                <Link href={guidePath(guide.slug)} className="title-link">
                  {guide.title}
                </Link>
              )}
              <p className="muted">{guide.summary}</p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
