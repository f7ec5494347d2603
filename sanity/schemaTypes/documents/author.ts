import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

import {previousSlugsField} from '@/sanity/schemaTypes/fields/previous-slugs'
import {requiredTextField} from '@/sanity/schemaTypes/fields/required-text'
import {slugField} from '@/sanity/schemaTypes/fields/slug'

export const authorType = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  icon: UsersIcon,
  fields: [
    requiredTextField({name: 'name', title: 'Name', required: 'Give the author a name.', max: 80}),
    slugField({source: 'name'}),
    previousSlugsField(),
    requiredTextField({name: 'role', title: 'Role', required: 'Say what this author does.', max: 100}),
    requiredTextField({
      name: 'bio',
      title: 'Short bio',
      label: 'bio',
      type: 'text',
      rows: 4,
      required: 'Write a short bio.',
      max: 600,
    }),
    defineField({
      name: 'image',
      title: 'Image',
      type: 'image',
      options: {hotspot: true},
      fields: [
        defineField({
          name: 'alt',
          title: 'Alternative text',
          type: 'string',
          validation: (rule) => rule.required().error('Describe the image for readers who cannot see it.'),
        }),
      ],
    }),
  ],
  preview: {select: {title: 'name', subtitle: 'role', media: 'image'}},
})
