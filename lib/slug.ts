/** How long a slug may be: the Studio's slug fields stop there too. */
export const SLUG_MAX_LENGTH = 96

/** A slug as the schema makes them: lower-case letters and digits joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Whether a URL segment has a slug's shape (the URL gate asks this of every request, without zod). */
export const isSlug = (segment: string) => segment.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(segment)

/**
 * Turns a phrase into the URL segment we use for slugs and alias redirects:
 * "Inbound Link" → "inbound-link", "Méta Robots" → "meta-robots".
 */
export function slugify(phrase: string): string {
  return phrase
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
}
