import {TermCardGrid} from '@/components/term-card-grid'
import type {RelatedTerm} from '@/lib/content'

import {SectionHeading} from './section-heading'

export function RelatedTerms({slug, terms}: {slug: string; terms: RelatedTerm[]}) {
  return (
    <section aria-labelledby="related-terms">
      <SectionHeading id="related-terms" slug={slug}>
        Related Terms
      </SectionHeading>
      <TermCardGrid terms={terms} />
    </section>
  )
}
