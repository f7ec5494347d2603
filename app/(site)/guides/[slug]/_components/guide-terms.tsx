import {TermCardGrid} from '@/components/term-card-grid'
import type {GuideTerm} from '@/lib/content'

/** The terms the guide's text links to, so a reader can look each one up in one place. */
export function GuideTerms({terms}: {terms: GuideTerm[]}) {
  return (
    <section aria-labelledby="terms-in-this-guide" className="mt-12">
      <h2 id="terms-in-this-guide" className="text-2xl font-semibold tracking-tight">
        Terms in this guide
      </h2>
      <TermCardGrid terms={terms} className="mt-4" />
    </section>
  )
}
