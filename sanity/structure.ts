import {BarChartIcon} from '@sanity/icons/BarChart'
import {BookIcon} from '@sanity/icons/Book'
import {ClockIcon} from '@sanity/icons/Clock'
import {FolderIcon} from '@sanity/icons/Folder'
import type {DefaultDocumentNodeResolver, StructureBuilder, StructureResolver} from 'sanity/structure'

import {DIFFICULTIES} from '@/lib/vocabulary'

import {UsedByView} from './components/used-by-view'
import {FeedbackDocumentView, NeedsReviewPane} from './tools/feedback'
import {DEFAULT_API_VERSION} from './env'
import {TERM_IN_CATEGORY_TEMPLATE} from './templates'

const termList = (S: StructureBuilder, title: string, filter: string, params: Record<string, unknown> = {}) =>
  S.documentList()
    .title(title)
    .schemaType('term')
    .apiVersion(DEFAULT_API_VERSION)
    .filter(filter)
    .params(params)

/** Terms opened every way an editor looks for them, then the other document types. */
export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      S.listItem()
        .title('Terms')
        .icon(BookIcon)
        .child(
          S.list()
            .title('Terms')
            .items([
              S.listItem()
                .title('All terms')
                .icon(BookIcon)
                .child(S.documentTypeList('term').title('All terms')),
              S.listItem()
                .title('By category')
                .icon(FolderIcon)
                .child(
                  S.documentTypeList('category')
                    .title('Terms by category')
                    .child((categoryId) =>
                      termList(S, 'Terms', '_type == "term" && category._ref == $categoryId', {categoryId})
                        // "Create" here files the new term under this category.
                        .initialValueTemplates([
                          S.initialValueTemplateItem(TERM_IN_CATEGORY_TEMPLATE, {categoryId}),
                        ]),
                    ),
                ),
              S.listItem()
                .title('By difficulty')
                .icon(BarChartIcon)
                .child(
                  S.list()
                    .title('By difficulty')
                    .items(
                      DIFFICULTIES.map(({title, value}) =>
                        S.listItem()
                          .id(value)
                          .title(title)
                          .child(
                            termList(S, title, '_type == "term" && difficulty == $difficulty', {
                              difficulty: value,
                            }),
                          ),
                      ),
                    ),
                ),
              S.listItem()
                .title('Needs review')
                .icon(ClockIcon)
                .child(S.component(NeedsReviewPane).id('needs-review').title('Needs review')),
            ]),
        ),
      S.divider(),
      S.documentTypeListItem('guide').title('Guides'),
      S.documentTypeListItem('author').title('Authors'),
      S.documentTypeListItem('category').title('Categories'),
    ])

/**
 * The views of a term, in tab order. This list is the one place to add a view.
 */
const termViews = (S: StructureBuilder) => [
  S.view.form(),
  S.view.component(UsedByView).id('used-by').title('Used by'),
  S.view.component(FeedbackDocumentView).id('feedback').title('Feedback'),
]

export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) =>
  schemaType === 'term' ? S.document().views(termViews(S)) : S.document()
