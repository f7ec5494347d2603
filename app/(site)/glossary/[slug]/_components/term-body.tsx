import {PortableText} from '@/components/portable-text'
import type {Term} from '@/lib/content'
import {presentSections} from '@/lib/content/term-sections'

import {SectionHeading} from './section-heading'

type Props = {
  term: Pick<Term, 'slug' | 'intro' | 'whatItMeans' | 'whyItMatters' | 'exampleInPractice' | 'whatItIsNot'>
}

/** The intro and the standard sections, each an h2 with a stable anchor; empty sections are left out. */
export function TermBody({term}: Props) {
  return (
    <div className="rich-text mt-6">
      <PortableText value={term.intro} />
      {presentSections(term).map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <SectionHeading id={section.id} slug={term.slug}>
            {section.title}
          </SectionHeading>
          <PortableText value={term[section.field]} />
        </section>
      ))}
    </div>
  )
}
