import {Link} from '@/components/link.client'
import {PortableText} from '@/components/portable-text'
import type {Term} from '@/lib/content'
import {safeHref} from '@/lib/text/safe-url'
import {guidePath, termPath} from '@/lib/site/urls'
import {TERM_PARTS} from '@/lib/content/term-sections'

import {SectionHeading} from './section-heading'

type Handoff = NonNullable<Term['businessContext']>['handoff']

function handoffLink(handoff: Handoff): {href: string; external: boolean} | null {
  if (!handoff?.slug) return null
  if (handoff._type === 'term') return {href: termPath(handoff.slug), external: false}
  const external = safeHref(handoff.externalUrl)
  return external ? {href: external, external: true} : {href: guidePath(handoff.slug), external: false}
}

export function BusinessContext({
  slug,
  context,
}: {
  slug: string
  context: NonNullable<Term['businessContext']>
}) {
  const link = handoffLink(context.handoff)
  const cta =
    'inline-flex items-center gap-2 rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white no-underline hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600'
  return (
    <section
      aria-labelledby={TERM_PARTS.businessContext.id}
      className="rounded-xl bg-zinc-50 px-5 pb-5 pt-1 dark:bg-zinc-900"
    >
      <SectionHeading id={TERM_PARTS.businessContext.id} slug={slug}>
        {TERM_PARTS.businessContext.title}
      </SectionHeading>
      <div className="rich-text">
        <PortableText value={context.body} />
      </div>
      {link && context.handoff && (
        <p className="mt-4">
          {link.external ? (
            <a href={link.href} rel="noopener noreferrer" target="_blank" className={cta}>
              Next: {context.handoff.title} <span aria-hidden="true">↗</span>
            </a>
          ) : (
            <Link href={link.href} className={cta}>
              Next: {context.handoff.title} <span aria-hidden="true">→</span>
            </Link>
          )}
        </p>
      )}
    </section>
  )
}
