import type {Template} from 'sanity'

export const TERM_IN_CATEGORY_TEMPLATE = 'term-in-category'

type TermInCategoryParams = {categoryId: string}

/** A new term already filed under a category; the Studio's per-category term lists use it. */
export const termInCategoryTemplate: Template<TermInCategoryParams> = {
  id: TERM_IN_CATEGORY_TEMPLATE,
  title: 'Term in category',
  schemaType: 'term',
  parameters: [{name: 'categoryId', title: 'Category id', type: 'string'}],
  value: ({categoryId}: TermInCategoryParams) => ({
    category: {_type: 'reference', _ref: categoryId},
  }),
}
