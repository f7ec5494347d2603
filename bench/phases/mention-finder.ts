/**
 * What the unlinked-mention finder costs on a long guide: a body of about 100,000 characters that
 * names terms of the large dataset (plural, possessive, in a heading), searched for every term's
 * title and aliases, in this process, one run at a time, with the finder made once for the terms
 * (as the Studio and the link report do), whose making is timed on its own. The Studio runs it on the
 * document an editor has open, and `npm run links:report` on every published document.
 */
import type {SanityDocument} from '@/lib/content/dataset'
import {mentionFinder, type MentionableTerm} from '@/lib/links/unlinked-mentions'
import type {MentionFinderResult} from '@/bench/lib/results'
import {percentile} from '@/bench/lib/stats'

const TARGET_CHARACTERS = 100_000
const RUNS = 10

/** A guide whose paragraphs name the terms in turn, the way writers do, until it is long enough. */
export function longGuide(terms: MentionableTerm[]): SanityDocument {
  const body: object[] = []
  let characters = 0
  for (let index = 0; characters < TARGET_CHARACTERS; index++) {
    const term = terms[index % terms.length]!
    const next = terms[(index + 1) % terms.length]!
    const text = `Teams that track ${term.title.toLowerCase()}s well also watch ${next.title}'s effect; the ${term.title} report shows why. `
    const block =
      index % 10 === 9
        ? {
            _type: 'block',
            _key: `h${index}`,
            style: 'h2',
            markDefs: [],
            children: [{_type: 'span', _key: `s${index}`, text: term.title, marks: []}],
          }
        : {
            _type: 'block',
            _key: `b${index}`,
            style: 'normal',
            markDefs: [],
            children: [{_type: 'span', _key: `s${index}`, text, marks: []}],
          }
    body.push(block)
    characters += block.children[0]!.text.length
  }
  return {_id: 'guide-bench-long', _type: 'guide', title: 'A long guide', body}
}

export function measureMentionFinder(documents: SanityDocument[]): MentionFinderResult {
  const terms: MentionableTerm[] = documents
    .filter((doc) => doc._type === 'term')
    .map((doc) => ({
      id: doc._id,
      title: doc.title as string,
      aliases: Array.isArray(doc.aliases) ? (doc.aliases as string[]) : [],
    }))
  const guide = longGuide(terms)
  const characters = (guide.body as {children: {text: string}[]}[]).reduce(
    (total, block) => total + block.children[0]!.text.length,
    0,
  )
  const preparing = performance.now()
  const unlinkedMentionsIn = mentionFinder(terms)
  const prepareMs = performance.now() - preparing
  const samples: number[] = []
  let mentions = 0
  for (let run = 0; run < RUNS; run++) {
    const began = performance.now()
    mentions = unlinkedMentionsIn(guide).length
    samples.push(performance.now() - began)
  }
  return {
    terms: terms.length,
    characters,
    runs: RUNS,
    mentions,
    prepareMs,
    p50Ms: percentile(samples, 50),
    maxMs: Math.max(...samples),
  }
}
