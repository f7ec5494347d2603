import {defineField, type SlugIsUniqueValidator} from 'sanity'

import {SLUG_MAX_LENGTH} from '@/lib/vocabulary'

type Options = {
  /** The field the slug is generated from. */
  source: 'title' | 'name'
  group?: string
  description?: string
  isUnique?: SlugIsUniqueValidator
}

/** A document's address, generated from its title or name. */
export const slugField = ({source, group, description, isUnique}: Options) =>
  defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    ...(description ? {description} : {}),
    ...(group ? {group} : {}),
    options: {source, maxLength: SLUG_MAX_LENGTH, ...(isUnique ? {isUnique} : {})},
    validation: (rule) => rule.required().error(`Generate a slug from the ${source}.`),
  })
