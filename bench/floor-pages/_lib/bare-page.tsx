import {benchStaticPageBytes} from './bench-env'

/** Bytes a bare page weighs besides its text: the document, Next's scripts and the RSC payload's frame. */
const SHELL_BYTES = 6_000
const PARAGRAPH_CHARS = 400
const SENTENCE = 'A fixed sentence of plain words that needs no escaping in HTML or in the RSC payload. '

/**
 * Plain text split into paragraphs, sized so the whole HTML response weighs about `bytes`: every
 * character appears twice, once in the HTML and once in the RSC payload that hydrates it.
 */
function paragraphs(bytes: number): string[] {
  const text = SENTENCE.repeat(Math.ceil(bytes / SENTENCE.length)).slice(
    0,
    Math.max(0, (bytes - SHELL_BYTES) / 2),
  )
  const result: string[] = []
  for (let start = 0; start < text.length; start += PARAGRAPH_CHARS) {
    result.push(text.slice(start, start + PARAGRAPH_CHARS))
  }
  return result
}

/** The framework floor: a page of the term page's size with no data, no styles and no client components. */
export function BarePage() {
  return (
    <main>
      <h1>Bare Next.js page</h1>
      {paragraphs(benchStaticPageBytes()).map((text, index) => (
        <p key={index}>{text}</p>
      ))}
    </main>
  )
}
