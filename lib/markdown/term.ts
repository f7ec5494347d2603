import type {Term} from '@/lib/content'
import {compact} from '@/lib/content/compact'
import {safeHref} from '@/lib/text/safe-url'
import {absoluteUrl, authorPath, categoryPath, guidePath, termPath} from '@/lib/site/urls'
import {TERM_PARTS, TERM_SECTIONS} from '@/lib/content/term-sections'
import {difficultyTitle} from '@/lib/vocabulary'

import {escapeMarkdown, markdownLink} from './escape'
import {portableTextToMarkdown} from './portable-text'

const section = (title: string, body: string) => (body.trim() ? `## ${title}\n\n${body}` : '')

/** A term page as one Markdown document, for tools and AI assistants; links are absolute. */
export function termMarkdown(term: Term): string {
  const url = absoluteUrl(termPath(term.slug))
  const facts = [
    term.aliases?.length ? `Also known as: ${term.aliases.map(escapeMarkdown).join(', ')}` : '',
    `Difficulty: ${difficultyTitle(term.difficulty)}`,
    term.category
      ? `Category: ${markdownLink(term.category.title, absoluteUrl(categoryPath(term.category.slug)))}`
      : '',
    `Updated: ${term.updated}`,
    term.author ? `Author: ${markdownLink(term.author.name, absoluteUrl(authorPath(term.author.slug)))}` : '',
    `Web page: ${url}`,
  ].filter(Boolean)

  const handoff = term.businessContext?.handoff
  const handoffUrl = handoff?.slug
    ? handoff._type === 'term'
      ? absoluteUrl(termPath(handoff.slug))
      : (safeHref(handoff.externalUrl) ?? absoluteUrl(guidePath(handoff.slug)))
    : null
  const business = [
    portableTextToMarkdown(term.businessContext?.body),
    handoff?.title && handoffUrl ? `Next: ${markdownLink(handoff.title, handoffUrl)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n')

  const related = compact(term.relatedTerms)
    .map(
      (related) =>
        `- ${markdownLink(related.title, absoluteUrl(termPath(related.slug)))}: ${escapeMarkdown(related.shortDefinition)}`,
    )
    .join('\n')
  const guides = compact(term.deeperGuides)
    .map((guide) => {
      const guideUrl = safeHref(guide.externalUrl) ?? absoluteUrl(guidePath(guide.slug))
      return `- ${markdownLink(guide.title, guideUrl)}: ${escapeMarkdown(guide.summary)}`
    })
    .join('\n')

  return `${[
    `# ${escapeMarkdown(term.title)}`,
    `> ${escapeMarkdown(term.shortDefinition)}`,
    facts.map((fact) => `- ${fact}`).join('\n'),
    section('Quick Answer', escapeMarkdown(term.quickAnswer)),
    section('Key Takeaways', term.keyTakeaways.map((takeaway) => `- ${escapeMarkdown(takeaway)}`).join('\n')),
    portableTextToMarkdown(term.intro),
    ...TERM_SECTIONS.map(({title, field}) => section(title, portableTextToMarkdown(term[field]))),
    section(TERM_PARTS.businessContext.title, business),
    section(TERM_PARTS.relatedTerms.title, related),
    section(TERM_PARTS.deeperGuides.title, guides),
  ]
    .filter(Boolean)
    .join('\n\n')}\n`
}
