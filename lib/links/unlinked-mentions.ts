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

export type Span = {_type?: unknown; _key?: unknown; text?: unknown; marks?: unknown}
export type Block = {_type?: unknown; _key?: unknown; style?: unknown; children?: unknown; markDefs?: unknown}
/** A name as the finder compares it: lower-cased, and (once it is first needed) every way it may be written. */
type Name = {lower: string; forms?: string[]; termId: string; termTitle: string}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu
const WORD_CHARACTER = /[\p{L}\p{N}]/u

/** Endings a mention may add to a name: plurals (`links`, `boxes`, `agencies`) and possessives; longest first. */
const ENDINGS = ["'s", '’s', "s'", 's’', 'es', 's', '']

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
  return lower.endsWith('y') ? [`${lower.slice(0, -1)}ies`, ...forms] : forms
}

/**
 * The names as a tree of their words, so each word of the text leads only to the names that go on
 * with it: at 10,000 terms hundreds of names share a first word. A name sits at its last word's node.
 */
type NameTree = {next: Map<string, NameTree>; names: Name[]}

const emptyTree = (): NameTree => ({next: new Map(), names: []})

/** Every term's title and aliases, lower-cased with spaces collapsed. */
function nameTree(terms: readonly MentionableTerm[]): NameTree {
  const root = emptyTree()
  const seen = new Set<string>()
  for (const term of terms) {
    for (const written of [term.title, ...(term.aliases ?? [])]) {
      const lower = written.trim().replace(/\s+/g, ' ').toLowerCase()
      const words = lower.match(WORD)
      if (!words || seen.has(lower)) continue
      seen.add(lower)
      let node = root
      for (const word of words) {
        let child = node.next.get(word)
        if (!child) node.next.set(word, (child = emptyTree()))
        node = child
      }
      node.names.push({lower, termId: term.id, termTitle: term.title})
    }
  }
  return root
}

type Match = {start: number; end: number; name: Name}

/** The longest name the text holds from each word's start, other than the names of `selfId`. */
function matchesIn(text: string, tree: NameTree, selfId: string | undefined): Match[] {
  const matches: Match[] = []
  const lower = text.toLowerCase()
  const words = [...lower.matchAll(WORD)]
  for (let first = 0; first < words.length; first++) {
    const start = words[first]!.index
    let best: Match | undefined
    let node: NameTree | undefined = tree
    for (let at = first; node && at < words.length; at++) {
      const word = words[at]![0]
      // A name ends at this word, maybe plural or possessive; the tree's words then say which
      // names to check against the text itself (`robots.txt` is two words and a dot).
      for (const base of baseForms(word)) {
        for (const name of node.next.get(base)?.names ?? []) {
          if (name.termId === selfId) continue
          const form = (name.forms ??= writtenForms(name.lower)).find(
            (written) =>
              lower.startsWith(written, start) && !WORD_CHARACTER.test(text.charAt(start + written.length)),
          )
          if (form && (!best || start + form.length > best.end))
            best = {start, end: start + form.length, name}
        }
      }
      node = node.next.get(word)
    }
    if (best) matches.push(best)
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

/** Portable Text blocks anywhere in a document, each with its path (`body[_key=="a1"]`). */
export function* blocksIn(value: unknown, path: string): Generator<{block: Block; path: string}> {
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
 * A finder for these terms: where a document's rich text names one of them without linking it.
 * Case- and plural-tolerant; never inside a link, a heading or code; the longest of overlapping
 * names wins; a term never mentions itself. A mention split across spans (half of it bold, say) is
 * not found. Make one for a list of terms and use it on every document: reading 10,000 terms' names
 * costs more than searching a long guide.
 */
export function mentionFinder(terms: readonly MentionableTerm[]) {
  const tree = nameTree(terms)
  return (document: {_id?: string; [field: string]: unknown}): UnlinkedMention[] => {
    const selfId = document._id?.replace(/^drafts\./, '')
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
        for (const match of longestFirst(matchesIn(span.text, tree, selfId))) {
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
}
