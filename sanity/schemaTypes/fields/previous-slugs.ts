import {defineArrayMember, defineField} from 'sanity'

import {SLUG_PATTERN} from '@/lib/vocabulary'

/**
 * Old addresses of a document's page, each redirecting to its current slug for good, so links
 * marketers placed never break. Publishing a new slug adds the old one here by itself
 * (sanity/actions/record-previous-slug.ts).
 */
export const previousSlugsField = (group?: string) =>
  defineField({
    name: 'previousSlugs',
    title: 'Previous slugs',
    description: 'Old addresses of this page. Each redirects here permanently.',
    type: 'array',
    ...(group ? {group} : {}),
    of: [
      defineArrayMember({
        type: 'string',
        validation: (rule) =>
          rule.regex(SLUG_PATTERN, {name: 'slug'}).error('Use lower-case words joined by hyphens.'),
      }),
    ],
    validation: (rule) => rule.unique().error('Each old slug only once.'),
  })
