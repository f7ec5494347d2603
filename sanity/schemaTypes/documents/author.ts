import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

import {previousSlugsField} from '../fields/previous-slugs'

export const authorType = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => [
        rule.required().error('Give the author a name.'),
        rule.max(80).error('Keep the name to 80 characters or fewer.'),
      ],
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: {source: 'name', maxLength: 96},
      validation: (rule) => rule.required().error('Generate a slug from the name.'),
    }),
    previousSlugsField(),
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      validation: (rule) => [
        rule.required().error('Say what this author does.'),
        rule.max(100).error('Keep the role to 100 characters or fewer.'),
      ],
    }),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 4,
      validation: (rule) => [
        rule.required().error('Write a short bio.'),
        rule.max(600).error('Keep the bio to 600 characters or fewer.'),
      ],
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
