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
