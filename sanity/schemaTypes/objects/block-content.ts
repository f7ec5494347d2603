import {defineArrayMember, defineField, defineType} from 'sanity'

/** Only these schemes may become live links; anything else renders as plain text. */
export const SAFE_URL_SCHEMES = ['http', 'https', 'mailto']

/**
 * The rich text used by every prose field. Links to our own terms and guides are
 * references (not typed URLs), so renaming a term never breaks the text that points at it.
 */
export const blockContentType = defineType({
  name: 'blockContent',
  title: 'Rich text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        {title: 'Paragraph', value: 'normal'},
        {title: 'Heading', value: 'h3'},
        {title: 'Subheading', value: 'h4'},
        {title: 'Quote', value: 'blockquote'},
      ],
      lists: [
        {title: 'Bullets', value: 'bullet'},
        {title: 'Numbered', value: 'number'},
      ],
      marks: {
        decorators: [
          {title: 'Strong', value: 'strong'},
          {title: 'Emphasis', value: 'em'},
          {title: 'Code', value: 'code'},
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'External link',
            type: 'object',
            fields: [
              defineField({
                name: 'href',
                title: 'URL',
                type: 'url',
                validation: (rule) =>
                  rule
                    .required()
                    .uri({scheme: SAFE_URL_SCHEMES})
                    .error('Enter a full web address starting with https://, http:// or mailto:.'),
              }),
            ],
          }),
          defineArrayMember({
            name: 'internalLink',
            title: 'Link to a term or guide',
            type: 'object',
            fields: [
              defineField({
                name: 'reference',
                title: 'Term or guide',
                type: 'reference',
                to: [{type: 'term'}, {type: 'guide'}],
                validation: (rule) => rule.required().error('Pick the term or guide to link to.'),
              }),
            ],
          }),
        ],
      },
    }),
    defineArrayMember({type: 'callout'}),
    defineArrayMember({type: 'codeBlock'}),
    defineArrayMember({
      type: 'image',
      options: {hotspot: true},
      fields: [
        defineField({
          name: 'alt',
          title: 'Alternative text',
          type: 'string',
          validation: (rule) => rule.required().error('Describe the image for readers who cannot see it.'),
        }),
        defineField({name: 'caption', title: 'Caption', type: 'string'}),
      ],
    }),
  ],
})
