import {TagIcon} from '@sanity/icons/Tag'
import {defineField, defineType} from 'sanity'

import {previousSlugsField} from '../fields/previous-slugs'

export const categoryType = defineType({
  name: 'category',
  title: 'Category',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => [
        rule.required().error('Give the category a title.'),
        rule.max(60).error('Keep the title to 60 characters or fewer.'),
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
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      validation: (rule) => [
        rule.required().error('Describe what the category covers.'),
        rule.max(400).error('Keep the description to 400 characters or fewer.'),
      ],
    }),
  ],
  preview: {select: {title: 'title', subtitle: 'description'}},
})
