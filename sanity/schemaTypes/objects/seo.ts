import {defineField, defineType} from 'sanity'

export const seoType = defineType({
  name: 'seo',
  title: 'Search engine overrides',
  type: 'object',
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      description: 'Replaces the page title in search results. Leave empty to use the term title.',
      type: 'string',
      validation: (rule) => rule.max(70).warning('Search engines cut titles longer than 70 characters.'),
    }),
    defineField({
      name: 'description',
      title: 'Description',
      description: 'Replaces the Quick Answer as the meta description.',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.max(320).error('Keep the description to 320 characters or fewer.'),
    }),
  ],
})
