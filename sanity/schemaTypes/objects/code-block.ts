import {defineField, defineType} from 'sanity'

export const codeBlockType = defineType({
  name: 'codeBlock',
  title: 'Code',
  type: 'object',
  fields: [
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      options: {list: ['html', 'text', 'json', 'javascript', 'bash']},
      initialValue: 'html',
    }),
    defineField({
      name: 'code',
      title: 'Code',
      type: 'text',
      rows: 6,
      validation: (rule) => rule.required().error('Paste the code, or remove the code block.'),
    }),
  ],
  preview: {select: {title: 'code', subtitle: 'language'}},
})
