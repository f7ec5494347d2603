import {compact} from './compact'

/** The standard body sections of a term, in reading order, with the anchors marketers link to. */
export const TERM_SECTIONS = [
  {id: 'what-it-means', title: 'What It Means', field: 'whatItMeans'},
  {id: 'why-it-matters', title: 'Why It Matters', field: 'whyItMatters'},
  {id: 'example-in-practice', title: 'Example In Practice', field: 'exampleInPractice'},
  {id: 'what-it-is-not', title: 'What It Is Not', field: 'whatItIsNot'},
] as const

export type TermSectionField = (typeof TERM_SECTIONS)[number]['field']

type SectionContent = {[field in TermSectionField]?: readonly unknown[] | null}

/** The sections that have content, in reading order: empty ones are left out, not shown blank. */
export function presentSections(term: SectionContent) {
  return TERM_SECTIONS.filter((section) => Boolean(term[section.field]?.length))
}

/**
 * The parts after a term's body that carry an anchor: their ids (linked from guides, so never
 * renamed), their headings, and the shorter title the page's contents list gives some of them.
 */
export const TERM_PARTS = {
  relatedTerms: {id: 'related-terms', title: 'Related Terms'},
  referencedBy: {id: 'referenced-by', title: 'Referenced By'},
  deeperGuides: {id: 'deeper-guides', title: 'Deeper Guides'},
  businessContext: {
    id: 'when-it-matters',
    title: 'When This Matters For Your Business',
    contentsTitle: 'When This Matters',
  },
  cite: {id: 'cite-this-term', title: 'Cite this term', contentsTitle: 'Cite This Term'},
  feedback: {id: 'feedback', title: 'Was this helpful?', contentsTitle: 'Feedback'},
} as const

export type TermPart = keyof typeof TERM_PARTS

type OutlineContent = SectionContent & {
  relatedTerms?: readonly unknown[] | null
  referencedBy?: readonly unknown[] | null
  deeperGuides?: readonly unknown[] | null
  businessContext?: {body?: readonly unknown[] | null} | null
}

const filled = (list: readonly unknown[] | null | undefined) => compact(list).length > 0

/**
 * What a term page shows, in reading order: the sections and parts with something in them (a
 * list of references counts only what still resolves). The page renders from it and its contents
 * list is made of it, so the two cannot disagree.
 */
export function termOutline(term: OutlineContent): {id: string; title: string}[] {
  const parts: TermPart[] = [
    ...(filled(term.relatedTerms) ? (['relatedTerms'] as const) : []),
    ...(filled(term.referencedBy) ? (['referencedBy'] as const) : []),
    ...(filled(term.deeperGuides) ? (['deeperGuides'] as const) : []),
    ...(filled(term.businessContext?.body) ? (['businessContext'] as const) : []),
    'cite',
    'feedback',
  ]
  return [
    ...presentSections(term).map(({id, title}) => ({id, title})),
    ...parts.map((part) => {
      const entry: {id: string; title: string; contentsTitle?: string} = TERM_PARTS[part]
      return {id: entry.id, title: entry.contentsTitle ?? entry.title}
    }),
  ]
}
