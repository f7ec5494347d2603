import type {PortableTextBlock} from '@portabletext/react'
import {
  buildMarksTree,
  isPortableTextToolkitSpan,
  isPortableTextToolkitTextNode,
  type ToolkitNestedPortableTextSpan,
  type ToolkitTextNode,
} from '@portabletext/toolkit'

import {imageSource} from '@/lib/content/images'
import {safeHref} from '@/lib/text/safe-url'
import {absoluteUrl, guidePath, termPath} from '@/lib/site/urls'

import {codeBlock, escapeMarkdown, inlineCode, markdownLink, markdownUrl} from './escape'

type LinkTarget = {_type?: string; slug?: string | null; externalUrl?: string | null} | null | undefined
type Node = {_type: string; [key: string]: unknown}

/** Where an internal link points, absolute (the Markdown is read outside the site), or null. */
function internalUrl(target: LinkTarget): string | null {
  if (!target?.slug) return null
  if (target._type === 'term') return absoluteUrl(termPath(target.slug))
  return safeHref(target.externalUrl) ?? absoluteUrl(guidePath(target.slug))
}

const WRAPS: Record<string, string> = {strong: '**', em: '_'}

function inline(nodes: (ToolkitNestedPortableTextSpan | ToolkitTextNode | {_type: string})[]): string {
  return nodes
    .map((node) => {
      if (isPortableTextToolkitTextNode(node as ToolkitTextNode)) {
        return escapeMarkdown((node as ToolkitTextNode).text)
      }
      if (!isPortableTextToolkitSpan(node as ToolkitNestedPortableTextSpan)) return ''
      const span = node as ToolkitNestedPortableTextSpan
      if (span.markType === 'code') {
        const code = span.children.map((child) => (child as ToolkitTextNode).text ?? '').join('')
        return inlineCode(code)
      }
      const text = inline(span.children)
      if (!text.trim()) return text
      const wrap = WRAPS[span.markType]
      if (wrap) return `${wrap}${text}${wrap}`
      const markDef = span.markDef as {href?: unknown; target?: LinkTarget} | undefined
      const url =
        span.markType === 'link'
          ? safeHref(markDef?.href)
          : span.markType === 'internalLink'
            ? internalUrl(markDef?.target)
            : null
      // An unsafe or dangling link keeps its words and loses the link.
      return url ? `[${text}](${markdownUrl(url)})` : text
    })
    .join('')
}

function blockText(block: PortableTextBlock): string {
  return inline(buildMarksTree(block) as Parameters<typeof inline>[0])
}

function serializeBlock(node: Node): string | null {
  switch (node._type) {
    case 'block': {
      const block = node as unknown as PortableTextBlock
      const text = blockText(block)
      if (!text.trim()) return null
      if (block.style === 'h3') return `### ${text}`
      if (block.style === 'h4') return `#### ${text}`
      if (block.style === 'blockquote') return text.replace(/^/gm, '> ')
      return text
    }
    case 'callout': {
      const label = node.tone === 'warning' ? 'Watch out:' : 'Tip:'
      return `> **${label}** ${escapeMarkdown(String(node.text ?? ''))}`.replace(/\n/g, '\n> ')
    }
    case 'codeBlock':
      return codeBlock(String(node.code ?? ''), node.language as string | undefined)
    case 'image': {
      const alt = typeof node.alt === 'string' ? node.alt : ''
      const image = imageSource(node as {asset?: {_ref?: string}}, 800)
      return image && alt ? `!${markdownLink(alt, image.src)}` : null
    }
    default:
      return null
  }
}

/**
 * Portable Text as CommonMark. Text is escaped (HTML in content stays text), links keep only
 * http, https and mailto URLs, internal links point at their target's current page, and list
 * items nest by their level.
 */
export function portableTextToMarkdown(blocks: readonly unknown[] | null | undefined): string {
  const parts: string[] = []
  let list: string[] = []
  const endList = () => {
    if (list.length) parts.push(list.join('\n'))
    list = []
  }
  for (const node of (blocks ?? []) as Node[]) {
    const block = node as unknown as PortableTextBlock
    if (node._type === 'block' && block.listItem) {
      const depth = Math.max(0, (block.level ?? 1) - 1)
      const marker = block.listItem === 'number' ? '1.' : '-'
      list.push(`${'    '.repeat(depth)}${marker} ${blockText(block)}`)
      continue
    }
    endList()
    const text = serializeBlock(node)
    if (text) parts.push(text)
  }
  endList()
  return parts.join('\n\n')
}
