import {z} from 'zod'

import {withoutControlCharacters} from '@/lib/text/control-characters'
import {termPath} from '@/lib/site/urls'
import {isSlug} from '@/lib/text/slug'

import {COMMENT_MAX_LENGTH, REASON_CODES, VOTES, isReasonFor} from './reasons'

/**
 * Form posts send empty strings for fields left blank; those mean "not given". Control characters
 * are dropped first (a comment keeps its line breaks), so nothing a terminal would run is stored.
 */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value
    const text = withoutControlCharacters(value, {keepNewlines: true})
    return text.trim() === '' ? undefined : text
  }, schema.optional())

/**
 * One reader's answer about one term, as posted by the widget (JSON) or the plain form. Each post
 * is the reader's whole answer: a later post for the same term replaces the earlier one.
 */
export const voteInputSchema = z
  .strictObject({
    term: z.string().trim().min(1, 'term is required').max(200),
    vote: z.enum(VOTES, 'vote must be "yes" or "no"'),
    reason: optionalText(z.enum(REASON_CODES as [string, ...string[]])),
    comment: optionalText(
      z.string().trim().max(COMMENT_MAX_LENGTH, `comment must be at most ${COMMENT_MAX_LENGTH} characters`),
    ),
    section: optionalText(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'section must be a section id')),
    /** Where a plain form post sends the reader back to: a term page on this site. */
    returnTo: optionalText(
      z
        .string()
        .refine(
          (path) => path.startsWith(termPath('')) && isSlug(path.slice(termPath('').length)),
          'returnTo must be a glossary term path',
        ),
    ),
  })
  .refine((input) => input.reason === undefined || isReasonFor(input.vote, input.reason), {
    path: ['reason'],
    message: 'reason does not go with this vote',
  })

export type VoteInput = z.infer<typeof voteInputSchema>

/** A readable one-line message for a failed validation of `subject`, plus the field-level issues. */
export function describeIssues(error: z.ZodError, subject = 'feedback') {
  const issues = error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }))
  return {
    error: `Invalid ${subject}: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
    issues,
  }
}
