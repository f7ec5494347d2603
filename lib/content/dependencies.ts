import type {PublishedType} from './tags'

/**
 * Where a published document's fields show, besides nowhere:
 * - `page`: its own page and outputs (the `.md`, the embed card, `/api/terms/<slug>`, the Open
 *   Graph image), under its old and its new slug;
 * - `linkers`: the pages of the documents that reference it, which show it as a card, a byline,
 *   a link preview or a Deeper Guides entry;
 * - `linked`: the pages of the documents it references, which list it back (Referenced By, an
 *   author's or a category's terms);
 * - `lists`: every list of its type, with the fields of it they show (the index and its letters,
 *   the home page, search, the sitemap, the feed, `llms.txt`, the guide index).
 */
export type Surface = 'page' | 'linkers' | 'linked' | 'lists'

const everywhere: readonly Surface[] = ['page', 'linkers', 'linked', 'lists']

/**
 * The dependency map: for each published type, each field a query in sanity/queries reads, and
 * where it shows. The revalidation webhook refreshes, for the fields a publish changed, the cache
 * tags of those surfaces. tests/unit/dependency-map.test.ts changes every field of the embedded
 * dataset in turn and fails when a query's answer changes but none of its tags would be refreshed,
 * so a query that reads something new needs a line here.
 */
export const SHOWN_FIELDS: Record<PublishedType, Record<string, readonly Surface[]>> = {
  term: {
    title: everywhere,
    slug: everywhere,
    shortDefinition: everywhere,
    difficulty: everywhere,
    aliases: ['page', 'lists'],
    previousSlugs: ['lists'],
    quickAnswer: ['page', 'lists'],
    updated: ['page', 'lists'],
    category: ['page', 'lists'],
    author: ['page', 'lists'],
    keyTakeaways: ['page'],
    intro: ['page'],
    whatItMeans: ['page'],
    whyItMatters: ['page'],
    exampleInPractice: ['page'],
    whatItIsNot: ['page'],
    businessContext: ['page'],
    relatedTerms: ['page'],
    deeperGuides: ['page'],
    seo: ['page'],
    // The revision feedback votes are counted against; the term list's fingerprint.
    _rev: ['page', 'lists'],
    _updatedAt: ['lists'],
  },
  guide: {
    title: everywhere,
    slug: everywhere,
    summary: ['page', 'linkers', 'lists'],
    externalUrl: ['page', 'linkers', 'lists'],
    updated: ['page', 'lists'],
    author: ['page', 'lists'],
    body: ['page'],
    previousSlugs: ['lists'],
  },
  author: {
    name: ['page', 'linkers', 'lists'],
    slug: ['page', 'linkers', 'lists'],
    role: ['page', 'linkers'],
    bio: ['page'],
    image: ['page'],
    previousSlugs: ['lists'],
  },
  category: {
    title: ['page', 'linkers', 'lists'],
    slug: ['page', 'linkers', 'lists'],
    description: ['page', 'lists'],
    previousSlugs: ['lists'],
  },
}
