/**
 * Turning one unlinked mention into a link to its term: the patch an editor's click sends, as a
 * draft edit. A pure function, shared by the Studio action and its tests.
 */
import {blocksIn, type Span, type UnlinkedMention} from './unlinked-mentions'

/** Sets the block's children and mark definitions, each by its path in the document. */
export type LinkMentionPatch = {set: Record<string, unknown[]>}

/** The mention's span where the document holds it now, or null when its block or span is gone. */
function spanOf(document: {[field: string]: unknown}, mention: UnlinkedMention) {
  const found = [...blocksIn(document, '')].find(({path}) => path === mention.blockPath)
  if (!found) return null
  const children = found.block.children as Span[]
  const at = children.findIndex((child) => child?._key === mention.spanKey)
  const span = children[at]
  if (!span || typeof span.text !== 'string') return null
  return {block: found.block, children, at, span: span as Span & {text: string}}
}

/** The words either side of a mention, as an editor reads it in the text. */
export function mentionContext(
  document: {[field: string]: unknown},
  mention: UnlinkedMention,
  characters = 40,
): {before: string; after: string} {
  const text = spanOf(document, mention)?.span.text ?? ''
  return {
    before: text.slice(Math.max(0, mention.start - characters), mention.start),
    after: text.slice(mention.end, mention.end + characters),
  }
}

/**
 * The patch that splits the mention's span into the text before, the mention (marked with a new
 * internal link to the term) and the text after, or null when the document no longer holds that
 * text there unlinked: it changed since the mention was found, and the editor should look again.
 * `newKey` gives the new span and mark keys; the text before keeps the span's own key.
 */
export function linkMentionPatch(
  document: {[field: string]: unknown},
  mention: UnlinkedMention,
  newKey: () => string,
): LinkMentionPatch | null {
  const found = spanOf(document, mention)
  if (!found) return null
  const {block, children, at, span} = found
  const markDefs = Array.isArray(block.markDefs) ? (block.markDefs as {_key?: unknown}[]) : []
  const marks = Array.isArray(span.marks) ? (span.marks as string[]) : []
  const linkKeys = new Set(markDefs.map((def) => def._key))
  if (
    span.text.slice(mention.start, mention.end) !== mention.text ||
    marks.some((mark) => linkKeys.has(mark))
  )
    return null

  const markKey = newKey()
  const pieces = [
    {text: span.text.slice(0, mention.start), marks},
    {text: mention.text, marks: [...marks, markKey]},
    {text: span.text.slice(mention.end), marks},
  ].filter((piece) => piece.text)
  const replacement = pieces.map((piece, index) => ({
    ...span,
    _key: index === 0 ? span._key : newKey(),
    text: piece.text,
    marks: piece.marks,
  }))
  return {
    set: {
      [`${mention.blockPath}.children`]: [
        ...children.slice(0, at),
        ...replacement,
        ...children.slice(at + 1),
      ],
      [`${mention.blockPath}.markDefs`]: [
        ...markDefs,
        {_key: markKey, _type: 'internalLink', reference: {_type: 'reference', _ref: mention.termId}},
      ],
    },
  }
}
