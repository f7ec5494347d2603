import {SLUG_MAX_LENGTH, SLUG_PATTERN} from '@/lib/vocabulary'

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
