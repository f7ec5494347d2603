import {toPlainText, type PortableTextBlock} from '@portabletext/react'

import {TERM_SECTIONS, type TermSectionField} from '@/lib/content/term-sections'

/** Adult silent reading of non-fiction on screen, in words per minute. */
const WORDS_PER_MINUTE = 220

type RichText = readonly unknown[] | null | undefined

export type ReadableTerm = {
  title?: string | null
  shortDefinition?: string | null
  quickAnswer?: string | null
  keyTakeaways?: string[] | null
  richText: RichText[]
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length

/** Whole minutes to read all of a term's text, never less than one. */
export function readingMinutes({
  title,
  shortDefinition,
  quickAnswer,
  keyTakeaways,
  richText,
}: ReadableTerm): number {
  const plain = [title, shortDefinition, quickAnswer, ...(keyTakeaways ?? [])].filter(Boolean).join(' ')
  const blocks = richText.flatMap((field) => field ?? []) as PortableTextBlock[]
  const words = countWords(plain) + countWords(toPlainText(blocks))
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

type TermText = Omit<ReadableTerm, 'richText'> &
  Partial<Record<'intro' | TermSectionField, RichText>> & {businessContext?: {body?: RichText} | null}

/** Reading time of a term as its page shows it: the summary, the intro, every section and the business context. */
export function termReadingMinutes(term: TermText): number {
  return readingMinutes({
    ...term,
    richText: [
      term.intro,
      ...TERM_SECTIONS.map((section) => term[section.field]),
      term.businessContext?.body,
    ],
  })
}
