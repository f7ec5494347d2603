import {TagIcon} from '@sanity/icons/Tag'
import {defineType} from 'sanity'

import {previousSlugsField} from '@/sanity/schemaTypes/fields/previous-slugs'
import {requiredTextField} from '@/sanity/schemaTypes/fields/required-text'
import {slugField} from '@/sanity/schemaTypes/fields/slug'

export const categoryType = defineType({
  name: 'category',
  title: 'Category',
  type: 'document',
  icon: TagIcon,
  fields: [
    requiredTextField({name: 'title', title: 'Title', required: 'Give the category a title.', max: 60}),
    slugField({source: 'title'}),
    previousSlugsField(),
    requiredTextField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      required: 'Describe what the category covers.',
      max: 400,
    }),
  ],
  preview: {select: {title: 'title', subtitle: 'description'}},
})
