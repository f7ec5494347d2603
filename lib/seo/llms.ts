import type {CategorySummary, TermIndexEntry} from '@/lib/content'

import {escapeMarkdown, markdownLink} from '@/lib/markdown/escape'
import {absoluteUrl, siteName, termMarkdownPath} from '@/lib/site/urls'

/**
 * /llms.txt (llmstxt.org): a Markdown map of the glossary for language models. An H1 with the
 * site's name, a one-line summary as a quote, then one section of term links per category; each
 * link goes to the term's Markdown rendition.
 */
export function llmsTxt(terms: readonly TermIndexEntry[], categories: readonly CategorySummary[]): string {
  const line = (term: TermIndexEntry) =>
    `- ${markdownLink(term.title, absoluteUrl(termMarkdownPath(term.slug)))}: ${escapeMarkdown(term.shortDefinition)}`
  const sections = categories
    .map((category) => ({
      title: category.title,
      terms: terms.filter((term) => term.category?.slug === category.slug),
    }))
    .concat([{title: 'Other terms', terms: terms.filter((term) => !term.category)}])
    .filter((section) => section.terms.length > 0)
    .map((section) => `## ${escapeMarkdown(section.title)}\n\n${section.terms.map(line).join('\n')}`)

  return `${[
    `# ${escapeMarkdown(siteName)}`,
    `> Plain-language definitions of ${terms.length} search and SEO terms, written and reviewed by our editors.`,
    'Every term has a web page at `/glossary/<slug>` and the same content as Markdown at `/glossary/<slug>.md`, ' +
      'with a Quick Answer, Key Takeaways, what the term means, why it matters, an example, what it is not, ' +
      'and related terms. Other names a term goes by redirect to it.',
    ...sections,
    `## Optional\n\n- ${markdownLink('Recently updated terms (Atom feed)', absoluteUrl('/feed.xml'))}\n- ${markdownLink('Sitemap', absoluteUrl('/sitemap.xml'))}`,
  ].join('\n\n')}\n`
}
