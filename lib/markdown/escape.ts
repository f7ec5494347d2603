/**
 * Markdown-safe text. Every character that could start markup or raw HTML inline (`<` above all)
 * is backslash-escaped, and so is anything that would turn the start of a line into a heading,
 * quote, list or rule. The result renders as exactly the text it was given.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>#|~!]/g, '\\$&')
      // A bare "&" is plain text; only one that would start an entity ("&lt;") needs escaping.
      .replace(/&(?=#?\w+;)/g, '\\&')
      .replace(/^(\s*)([-+=])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
  )
}

/** A URL that cannot break out of `[text](url)`: spaces, brackets and parentheses percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(
    /[\s()<>[\]]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

export const markdownLink = (text: string, url: string) => `[${escapeMarkdown(text)}](${markdownUrl(url)})`

/** A fenced code block whose fence no line of the code can close early. */
export function codeBlock(code: string, language?: string | null): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const info = language && /^[\w+-]+$/.test(language) ? language : ''
  return `${fence}${info}\n${code}\n${fence}`
}
