import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineField, defineType} from 'sanity'

import {previousSlugsField} from '../fields/previous-slugs'
import {SAFE_URL_SCHEMES} from '../objects/block-content'

type GuideDraft = {externalUrl?: string; body?: unknown[]}

export const guideType = defineType({
  name: 'guide',
  title: 'Guide',
  type: 'document',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => [
        rule.required().error('Give the guide a title.'),
        rule.max(120).error('Keep the title to 120 characters or fewer.'),
      ],
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: {source: 'title', maxLength: 96},
      validation: (rule) => rule.required().error('Generate a slug from the title.'),
    }),
    previousSlugsField(),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      validation: (rule) => [
        rule.required().error('Summarise the guide in a sentence or two.'),
        rule.max(300).error('Keep the summary to 300 characters or fewer.'),
      ],
    }),
    defineField({
      name: 'author',
      title: 'Author',
      type: 'reference',
      to: [{type: 'author'}],
      validation: (rule) => rule.required().error('Say who wrote this guide.'),
    }),
    defineField({
      name: 'updated',
      title: 'Updated',
      type: 'date',
      options: {dateFormat: 'D MMM YYYY'},
      validation: (rule) => rule.required().error('Set the date this guide was last reviewed.'),
    }),
    defineField({
      name: 'externalUrl',
      title: 'External URL',
      description:
        'For a guide published elsewhere. Leave empty and write the body for a guide on this site.',
      type: 'url',
      validation: (rule) => [
        rule.uri({scheme: SAFE_URL_SCHEMES.filter((s) => s !== 'mailto')}),
        rule.custom((url, context) => {
          const guide = context.document as GuideDraft | undefined
          const hasBody = Boolean(guide?.body?.length)
          if (url && hasBody) return 'A guide is either external (a URL) or written here (a body), not both.'
          if (!url && !hasBody) return 'Add an external URL or write the body.'
          return true
        }),
      ],
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'blockContent',
      hidden: ({document}) => Boolean((document as GuideDraft | undefined)?.externalUrl),
    }),
  ],
  preview: {
    select: {title: 'title', summary: 'summary', externalUrl: 'externalUrl'},
    prepare: ({title, summary, externalUrl}) => ({
      title,
      subtitle: externalUrl ? `External · ${summary ?? ''}` : summary,
    }),
  },
})
