/** Keeps the README's performance section in step with the latest results. */

export const START_MARKER = '<!-- bench:start -->'
export const END_MARKER = '<!-- bench:end -->'

/**
 * Replaces everything between the markers with `content`, leaving the rest of the README as it
 * was. Fails when the markers are missing, repeated or out of order, rather than guess.
 */
export function replaceBenchSection(readme: string, content: string): string {
  const start = readme.indexOf(START_MARKER)
  const end = readme.indexOf(END_MARKER)
  if (start === -1 || end === -1) {
    throw new Error(`README.md needs ${START_MARKER} and ${END_MARKER} in its Performance section.`)
  }
  if (readme.indexOf(START_MARKER, start + 1) !== -1 || readme.indexOf(END_MARKER, end + 1) !== -1) {
    throw new Error('README.md has the benchmark markers more than once.')
  }
  if (end < start) throw new Error(`README.md has ${END_MARKER} before ${START_MARKER}.`)
  return `${readme.slice(0, start + START_MARKER.length)}\n\n${content.trim()}\n\n${readme.slice(end)}`
}
