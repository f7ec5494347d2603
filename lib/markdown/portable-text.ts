import {portableTextToMarkdown as renderMarkdown, type PortableTextRenderers} from '@portabletext/markdown'

import {imageSource} from '@/lib/content/images'
import {absoluteUrl, guidePath, termPath} from '@/lib/site/urls'
import {safeHref} from '@/lib/text/safe-url'

import {codeBlock, escapeMarkdown, markdownLink, markdownUrl} from './escape'

type LinkTarget = {_type?: string; slug?: string | null; externalUrl?: string | null} | null | undefined

/** Where an internal link points, absolute (the Markdown is read outside the site), or null. */
function internalUrl(target: LinkTarget): string | null {
  if (!target?.slug) return null
  if (target._type === 'term') return absoluteUrl(termPath(target.slug))
  return safeHref(target.externalUrl) ?? absoluteUrl(guidePath(target.slug))
}

// An unsafe or dangling link keeps its words and loses the link.
const linked = (text: string, url: string | null) =>
  url && text.trim() ? `[${text}](${markdownUrl(url)})` : text

/**
 * How our schema's parts read as Markdown; the library renders the rest (text and its escaping,
 * headings, quotes, bold, italic, inline code, nested lists). What has no Markdown form (an
 * image without a source or alt text, a type we do not know) is left out.
 */
const renderers: Partial<PortableTextRenderers> = {
  marks: {
    link: ({value, children}) => linked(children, safeHref(value?.href)),
    internalLink: ({value, children}) => linked(children, internalUrl(value?.target)),
  },
  types: {
    image: ({value}) => {
      const alt = typeof value.alt === 'string' ? value.alt : ''
      const image = imageSource(value, 800)
      return image && alt ? `!${markdownLink(alt, image.src)}` : ''
    },
    callout: ({value}) => {
      const label = value.tone === 'warning' ? 'Watch out:' : 'Tip:'
      return `> **${label}** ${escapeMarkdown(String(value.text ?? ''))}`.replace(/\n/g, '\n> ')
    },
    codeBlock: ({value}) => codeBlock(String(value.code ?? ''), value.language),
  },
  unknownType: () => '',
}

/**
 * Portable Text as CommonMark, through @portabletext/markdown. Text is escaped (HTML in content
 * stays text), links keep only http, https and mailto URLs, and internal links point at their
 * target's current page.
 */
export function portableTextToMarkdown(blocks: readonly unknown[] | null | undefined): string {
  if (!blocks?.length) return ''
  return renderMarkdown(blocks as Parameters<typeof renderMarkdown>[0], renderers).trim()
}
