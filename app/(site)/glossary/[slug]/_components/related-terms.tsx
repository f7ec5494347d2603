import {TermCardGrid} from '@/components/term-card-grid'
import type {RelatedTerm} from '@/lib/content'
import {TERM_PARTS} from '@/lib/content/term-sections'

import {SectionHeading} from './section-heading'

export function RelatedTerms({slug, terms}: {slug: string; terms: RelatedTerm[]}) {
  return (
    <section aria-labelledby={TERM_PARTS.relatedTerms.id}>
      <SectionHeading id={TERM_PARTS.relatedTerms.id} slug={slug}>
        {TERM_PARTS.relatedTerms.title}
      </SectionHeading>
      <TermCardGrid terms={terms} />
    </section>
  )
}
