import {defineField, defineType} from 'sanity'

export const calloutType = defineType({
  name: 'callout',
  title: 'Callout',
  type: 'object',
  fields: [
    defineField({
      name: 'tone',
      title: 'Tone',
      type: 'string',
      options: {
        list: [
          {title: 'Tip', value: 'tip'},
          {title: 'Warning', value: 'warning'},
        ],
        layout: 'radio',
      },
      initialValue: 'tip',
      validation: (rule) => rule.required().error('Choose whether this is a tip or a warning.'),
    }),
    defineField({
      name: 'text',
      title: 'Text',
      type: 'text',
      rows: 3,
      validation: (rule) => [
        rule.required().error('Write the callout text.'),
        rule.max(600).error('Keep the callout to 600 characters or fewer.'),
      ],
    }),
  ],
  preview: {select: {title: 'text', subtitle: 'tone'}},
})
