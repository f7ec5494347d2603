/**
 * Control characters (C0, DEL and C1) in what readers type: a comment or a search may carry
 * terminal escape sequences, and the content team reads both in a terminal (`feedback:report`).
 * They are removed when the text comes in, and any that reach a terminal anyway are shown, not run.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f]/g

/** The text without control characters; `keepNewlines` keeps line breaks (as `\n`) and tabs. */
export function withoutControlCharacters(text: string, {keepNewlines = false} = {}): string {
  const lines = text.replace(/\r\n?/g, '\n')
  return keepNewlines ? lines.replace(CONTROL, '') : lines.replace(CONTROL_OR_LINE_BREAK, ' ')
}

/** The text for a terminal: each control character written as its escape (`\x1b`), line breaks as `\n`. */
export function printable(text: string): string {
  return text.replace(
    CONTROL_OR_LINE_BREAK,
    (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}
