import {BookIcon} from '@sanity/icons/Book'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {DIFFICULTIES} from '@/lib/vocabulary'
import {previousSlugsField} from '@/sanity/schemaTypes/fields/previous-slugs'
import {requiredTextField} from '@/sanity/schemaTypes/fields/required-text'
import {slugField} from '@/sanity/schemaTypes/fields/slug'
import {TermFormInput} from '@/sanity/components/term-form-input'
import {checkAliasesUnique, isTermSlugUnique} from '@/sanity/lib/term-uniqueness'

const richText = (name: string, title: string, description: string) =>
  defineField({name, title, description, type: 'blockContent', group: 'body'})

export const termType = defineType({
  name: 'term',
  title: 'Term',
  type: 'document',
  icon: BookIcon,
  components: {input: TermFormInput},
  groups: [
    {name: 'summary', title: 'Summary', default: true},
    {name: 'body', title: 'Sections'},
    {name: 'links', title: 'Links'},
    {name: 'publishing', title: 'Publishing'},
  ],
  fields: [
    requiredTextField({
      name: 'title',
      title: 'Title',
      group: 'summary',
      required: 'Give the term a title.',
      max: 80,
    }),
    slugField({
      source: 'title',
      group: 'summary',
      description:
        'The address of the page: /glossary/<slug>. Changing it? Add the old one to Previous slugs.',
      isUnique: isTermSlugUnique,
    }),
    requiredTextField({
      name: 'shortDefinition',
      title: 'Short definition',
      description: 'The one sentence shown under the title and on cards.',
      type: 'text',
      rows: 2,
      group: 'summary',
      required: 'Write a one-sentence definition.',
      max: 220,
    }),
    defineField({
      name: 'aliases',
      title: 'Also known as',
      description: 'Other names readers search for. Each becomes a link that redirects here.',
      type: 'array',
      group: 'summary',
      of: [
        defineArrayMember({
          type: 'string',
          validation: (rule) => [
            rule.required().error('Remove the empty name or fill it in.'),
            rule.max(60).error('Keep each name to 60 characters or fewer.'),
          ],
        }),
      ],
      options: {layout: 'tags'},
      validation: (rule) => rule.custom(checkAliasesUnique),
    }),
    defineField({
      name: 'difficulty',
      title: 'Difficulty',
      type: 'string',
      group: 'summary',
      options: {list: [...DIFFICULTIES], layout: 'radio', direction: 'horizontal'},
      validation: (rule) => rule.required().error('Choose how hard this term is for a newcomer.'),
    }),
    defineField({
      name: 'category',
      title: 'Category',
      type: 'reference',
      to: [{type: 'category'}],
      group: 'summary',
      validation: (rule) => rule.required().error('File the term under a category.'),
    }),
    defineField({
      name: 'author',
      title: 'Author',
      type: 'reference',
      to: [{type: 'author'}],
      group: 'summary',
      validation: (rule) => rule.required().error('Say who wrote or reviewed this term.'),
    }),
    requiredTextField({
      name: 'quickAnswer',
      title: 'Quick Answer',
      label: 'Quick Answer',
      description: 'A plain-text answer in two or three sentences. It is also the meta description.',
      type: 'text',
      rows: 4,
      group: 'summary',
      required: 'Write the Quick Answer.',
      max: 320,
    }),
    defineField({
      name: 'keyTakeaways',
      title: 'Key Takeaways',
      type: 'array',
      group: 'summary',
      of: [
        defineArrayMember({
          type: 'string',
          validation: (rule) => [
            rule.required().error('Remove the empty takeaway or fill it in.'),
            rule.max(160).error('Keep each takeaway to 160 characters or fewer.'),
          ],
        }),
      ],
      validation: (rule) => [
        rule.required().min(2).error('Add at least 2 key takeaways.'),
        rule.max(6).error('Keep it to 6 key takeaways at most.'),
        rule.unique().error('Each takeaway only once.'),
      ],
    }),
    richText('intro', 'Intro', 'The paragraph readers meet before the sections.'),
    richText('whatItMeans', 'What It Means', 'Leave empty to hide the section.'),
    richText('whyItMatters', 'Why It Matters', 'Leave empty to hide the section.'),
    richText('exampleInPractice', 'Example In Practice', 'Leave empty to hide the section.'),
    richText('whatItIsNot', 'What It Is Not', 'Leave empty to hide the section.'),
    defineField({
      name: 'businessContext',
      title: 'When This Matters For Your Business',
      type: 'object',
      group: 'body',
      fields: [
        defineField({name: 'body', title: 'Text', type: 'blockContent'}),
        defineField({
          name: 'handoff',
          title: 'Hand-off',
          description: 'The broader term or guide this topic leads into, shown as a call to action.',
          type: 'reference',
          to: [{type: 'term'}, {type: 'guide'}],
          validation: (rule) =>
            rule.custom((value, context) =>
              value?._ref && value._ref === context.document?._id.replace(/^drafts\./, '')
                ? 'A term cannot hand off to itself.'
                : true,
            ),
        }),
      ],
    }),
    defineField({
      name: 'relatedTerms',
      title: 'Related Terms',
      type: 'array',
      group: 'links',
      of: [defineArrayMember({type: 'reference', to: [{type: 'term'}]})],
      validation: (rule) => [
        rule.unique().error('Each related term only once.'),
        rule.custom((refs: {_ref?: string}[] | undefined, context) => {
          const self = context.document?._id.replace(/^drafts\./, '')
          return refs?.some((ref) => ref._ref === self) ? 'A term cannot be related to itself.' : true
        }),
        rule
          .custom((refs: unknown[] | undefined) =>
            refs?.length ? true : 'Readers like somewhere to go next: add related terms.',
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'deeperGuides',
      title: 'Deeper Guides',
      type: 'array',
      group: 'links',
      of: [defineArrayMember({type: 'reference', to: [{type: 'guide'}]})],
      validation: (rule) => [
        rule.unique().error('Each guide only once.'),
        rule
          .custom((refs: unknown[] | undefined) =>
            refs?.length ? true : 'Consider linking a guide for readers who want more.',
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'updated',
      title: 'Updated',
      description: 'The date of the last editorial review, shown on the page. Not changed by typo fixes.',
      type: 'date',
      group: 'publishing',
      options: {dateFormat: 'D MMM YYYY'},
      validation: (rule) => rule.required().error('Set the date this term was last reviewed.'),
    }),
    previousSlugsField('publishing'),
    defineField({
      name: 'editorialNote',
      title: 'Editorial note',
      description: 'For the content team: where the term came from, what to check. Never shown on the site.',
      type: 'text',
      rows: 2,
      group: 'publishing',
    }),
    defineField({name: 'seo', title: 'Search engines', type: 'seo', group: 'publishing'}),
  ],
  preview: {
    select: {title: 'title', definition: 'shortDefinition', difficulty: 'difficulty'},
    prepare: ({title, definition, difficulty}) => ({
      title,
      subtitle: [DIFFICULTIES.find((d) => d.value === difficulty)?.title, definition]
        .filter(Boolean)
        .join(' · '),
    }),
  },
  orderings: [
    {title: 'Title', name: 'titleAsc', by: [{field: 'title', direction: 'asc'}]},
    {title: 'Last reviewed', name: 'updatedDesc', by: [{field: 'updated', direction: 'desc'}]},
  ],
})
