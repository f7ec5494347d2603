import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineField, defineType} from 'sanity'

import {previousSlugsField} from '@/sanity/schemaTypes/fields/previous-slugs'
import {requiredTextField} from '@/sanity/schemaTypes/fields/required-text'
import {slugField} from '@/sanity/schemaTypes/fields/slug'
import {SAFE_URL_SCHEMES} from '@/sanity/schemaTypes/objects/block-content'

type GuideDraft = {externalUrl?: string; body?: unknown[]}

export const guideType = defineType({
  name: 'guide',
  title: 'Guide',
  type: 'document',
  icon: DocumentTextIcon,
  fields: [
    requiredTextField({name: 'title', title: 'Title', required: 'Give the guide a title.', max: 120}),
    slugField({source: 'title'}),
    previousSlugsField(),
    requiredTextField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      required: 'Summarise the guide in a sentence or two.',
      max: 300,
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
