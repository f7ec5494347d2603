import {defineField} from 'sanity'

type Options = {
  name: string
  title: string
  /** What an empty field is told, in the Studio's plain words. */
  required: string
  max: number
  /** How the length message names the field, when not its title in lower case. */
  label?: string
  type?: 'string' | 'text'
  rows?: number
  group?: string
  description?: string
}

/** A field an editor must fill, within a length: the shape of every title, name and summary. */
export const requiredTextField = ({name, title, required, max, label, type = 'string', ...rest}: Options) =>
  defineField({
    name,
    title,
    type,
    ...rest,
    validation: (rule) => [
      rule.required().error(required),
      rule.max(max).error(`Keep the ${label ?? title.toLowerCase()} to ${max} characters or fewer.`),
    ],
  })
