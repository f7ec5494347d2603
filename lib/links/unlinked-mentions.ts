/**
 * The unlinked-mention finder: the places where a document's rich text names a term (its title or
 * an alias) without linking it, so an editor can decide which to link. The machine finds, the
 * editor judges: nothing is linked at render time.
 *
 * A pure function over documents as the Content Lake stores them, shared by `npm run links:report`
 * and the Studio. Keep it free of Node-only imports: it runs in the browser too.
 */

/** A term a mention can name: its published id, title and aliases. */
export type MentionableTerm = {id: string; title: string; aliases?: readonly string[]}

export type UnlinkedMention = {
  /** The Portable Text block, as a path a patch can target: `body[_key=="a1"]`. */
  blockPath: string
  spanKey: string
  /** Offsets of the mention in the span's text, end exclusive. */
  start: number
  end: number
  /** The words as written (`Backlinks`), and the name they matched (`backlink`). */
  text: string
  name: string
  termId: string
  termTitle: string
  /** Whether the document links this term somewhere else already. */
  linkedElsewhere: boolean
}

type Span = {_type?: unknown; _key?: unknown; text?: unknown; marks?: unknown}
type Block = {_type?: unknown; _key?: unknown; style?: unknown; children?: unknown; markDefs?: unknown}
type Name = {lower: string; termId: string; termTitle: string}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu
const WORD_CHARACTER = /[\p{L}\p{N}]/u

/** Endings a mention may add to a name: plurals (`links`, `boxes`, `agencies`) and possessives. */
const ENDINGS = ['', 's', 'es', "'s", '’s', "s'", 's’']

/** The forms a text word may be a name's first word in: itself, and with a plural or possessive ending taken off. */
function baseForms(word: string): string[] {
  const forms = [word]
  for (const ending of ENDINGS) if (ending && word.endsWith(ending)) forms.push(word.slice(0, -ending.length))
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`)
  return forms
}

/** How a name may be written in the text: as it is, plural or possessive (`links`, `boxes`, `agencies`, `link's`). */
function writtenForms(lower: string): string[] {
  const forms = ENDINGS.map((ending) => lower + ending)
  if (lower.endsWith('y')) forms.push(`${lower.slice(0, -1)}ies`)
  return forms.sort((a, b) => b.length - a.length)
}

/** Names by their first word, lower-cased with spaces collapsed; a term's own names left out. */
function nameIndex(terms: readonly MentionableTerm[], selfId: string | undefined): Map<string, Name[]> {
  const index = new Map<string, Name[]>()
  const seen = new Set<string>()
  for (const term of terms) {
    if (term.id === selfId) continue
    for (const written of [term.title, ...(term.aliases ?? [])]) {
      const lower = written.trim().replace(/\s+/g, ' ').toLowerCase()
      const first = lower.match(WORD)?.[0]
      if (!first || seen.has(lower)) continue
      seen.add(lower)
      index.set(first, [...(index.get(first) ?? []), {lower, termId: term.id, termTitle: term.title}])
    }
  }
  return index
}

type Match = {start: number; end: number; name: Name}

/** Every name the text holds at a word's start: the longest at each position. */
function matchesIn(text: string, index: Map<string, Name[]>): Match[] {
  const matches: Match[] = []
  const lower = text.toLowerCase()
  for (const word of text.matchAll(WORD)) {
    const start = word.index
    for (const name of baseForms(word[0].toLowerCase()).flatMap((form) => index.get(form) ?? [])) {
      const form = writtenForms(name.lower).find(
        (written) =>
          lower.startsWith(written, start) && !WORD_CHARACTER.test(text.charAt(start + written.length)),
      )
      if (!form) continue
      const found = {start, end: start + form.length, name}
      const previous = matches.at(-1)
      if (previous?.start !== start) matches.push(found)
      else if (found.end > previous.end) matches[matches.length - 1] = found
    }
  }
  return matches
}

/** The longest matches that do not overlap: `anchor text` rather than `text` inside it. */
function longestFirst(matches: Match[]): Match[] {
  const kept: Match[] = []
  const byLength = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  for (const match of byLength) {
    if (kept.every((other) => match.end <= other.start || match.start >= other.end)) kept.push(match)
  }
  return kept.sort((a, b) => a.start - b.start)
}

/** Portable Text blocks anywhere in a document, with the path of the array that holds them. */
function* blocksIn(value: unknown, path: string): Generator<{block: Block; path: string}> {
  if (Array.isArray(value)) {
    for (const item of value) {
      const block = item as Block
      if (block?._type === 'block' && typeof block._key === 'string' && Array.isArray(block.children)) {
        yield {block, path: `${path}[_key=="${block._key}"]`}
      } else if (item && typeof item === 'object' && typeof (item as Block)._key === 'string') {
        yield* blocksIn(item, `${path}[_key=="${(item as Block)._key}"]`)
      }
    }
  } else if (value && typeof value === 'object') {
    for (const [field, child] of Object.entries(value)) {
      if (!field.startsWith('_')) yield* blocksIn(child, path ? `${path}.${field}` : field)
    }
  }
}

/** The terms a document already links to, by published id. */
function linkedTermIds(blocks: {block: Block}[]): Set<string> {
  const ids = new Set<string>()
  for (const {block} of blocks) {
    for (const def of Array.isArray(block.markDefs) ? block.markDefs : []) {
      const ref = (def as {reference?: {_ref?: unknown}})?.reference?._ref
      if (typeof ref === 'string') ids.add(ref.replace(/^drafts\./, ''))
    }
  }
  return ids
}

/**
 * Where a document's rich text names a term without linking it. Case- and plural-tolerant; never
 * inside a link, a heading or code; the longest of overlapping names wins; a term never mentions
 * itself (`selfId`). A mention split across spans (half of it bold, say) is not found.
 */
export function findUnlinkedMentions(
  document: {_id?: string; [field: string]: unknown},
  terms: readonly MentionableTerm[],
): UnlinkedMention[] {
  const selfId = document._id?.replace(/^drafts\./, '')
  const index = nameIndex(terms, selfId)
  const blocks = [...blocksIn(document, '')]
  const linked = linkedTermIds(blocks)
  const mentions: UnlinkedMention[] = []
  for (const {block, path} of blocks) {
    if (typeof block.style === 'string' && /^h\d$/.test(block.style)) continue
    const linkKeys = new Set(
      (Array.isArray(block.markDefs) ? block.markDefs : []).map((def) => (def as {_key?: unknown})?._key),
    )
    for (const span of block.children as Span[]) {
      if (span?._type !== 'span' || typeof span.text !== 'string' || typeof span._key !== 'string') continue
      const marks = Array.isArray(span.marks) ? span.marks : []
      if (marks.some((mark) => mark === 'code' || linkKeys.has(mark))) continue
      for (const match of longestFirst(matchesIn(span.text, index))) {
        mentions.push({
          blockPath: path,
          spanKey: span._key,
          start: match.start,
          end: match.end,
          text: span.text.slice(match.start, match.end),
          name: match.name.lower,
          termId: match.name.termId,
          termTitle: match.name.termTitle,
          linkedElsewhere: linked.has(match.name.termId),
        })
      }
    }
  }
  return mentions
}
