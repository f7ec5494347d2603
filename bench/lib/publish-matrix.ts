import type {SanityDocument} from '@/lib/content/dataset'
import {groupByLetter, TERMS_PER_LETTER_ON_INDEX} from '@/lib/content/glossary-index'

import {isGone, linksTo, noLinkTo, redirectsTo, shows, type Check} from './publish-checks'

/**
 * One row of the publish matrix (the publishing issue's; tests/e2e/publishing.e2e.test.ts runs it
 * on both sources, `npm run bench` times it through the proxy): an edit to one document, as the Studio publishes it, and every
 * page that must show it. `edit` returns the whole dataset after the publish (null for the edited
 * document when it is deleted); `checks` reads the dataset before it to say where the change shows.
 */
export type Row = {
  name: string
  /** The pages it reaches, in words, for the README's table. */
  reaches: string
  id: string
  edit: (documents: SanityDocument[]) => SanityDocument[]
  checks: (documents: SanityDocument[]) => Check[]
}

const slugOf = (doc: SanityDocument) => (doc.slug as {current: string}).current

const isLinkTo = (doc: SanityDocument, id: string) => JSON.stringify(doc).includes(`"_ref":"${id}"`)

/** The pages of the published documents that reference `id`: they show it as a card, a link or a byline. */
function linkerPages(documents: SanityDocument[], id: string): string[] {
  return documents
    .filter((doc) => doc._id !== id && isLinkTo(doc, id))
    .flatMap((doc) => {
      if (doc._type === 'term') return [`/glossary/${slugOf(doc)}`]
      if (doc._type === 'guide' && !doc.externalUrl) return [`/guides/${slugOf(doc)}`]
      return []
    })
}

/** The term pages of the terms `doc` references: their Referenced By lists it. */
const linkedTermPages = (documents: SanityDocument[], doc: SanityDocument) =>
  documents
    .filter((other) => other._type === 'term' && isLinkTo(doc, other._id))
    .map((t) => `/glossary/${slugOf(t)}`)

const pageOf = (documents: SanityDocument[], id: string | undefined) => {
  const doc = documents.find((other) => other._id === id)
  if (!doc) return []
  return [`/${doc._type === 'author' ? 'authors' : 'glossary/category'}/${slugOf(doc)}`]
}

/**
 * The glossary index, if it shows the term: it lists the first terms of each letter only (all of
 * them on the seed dataset, a few of each letter at benchmark sizes).
 */
function indexPage(documents: SanityDocument[], id: string): string[] {
  const terms = documents
    .filter((doc) => doc._type === 'term')
    .map((doc) => ({_id: doc._id, title: String(doc.title)}))
    .sort((a, b) => (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : 1))
  const shown = [...groupByLetter(terms).values()].flatMap((group) =>
    group.slice(0, TERMS_PER_LETTER_ON_INDEX),
  )
  return shown.some((term) => term._id === id) ? ['/glossary'] : []
}

const refOf = (doc: SanityDocument, field: string) => (doc[field] as {_ref?: string} | undefined)?._ref

function edited(id: string, change: (doc: SanityDocument) => SanityDocument) {
  return (documents: SanityDocument[]) => documents.map((doc) => (doc._id === id ? change(doc) : doc))
}

const unique = (paths: string[]) => [...new Set(paths)]

/** A term's own page and outputs. */
const termOutputs = (slug: string) => [
  `/glossary/${slug}`,
  `/glossary/${slug}.md`,
  `/api/terms/${slug}`,
  `/embed/glossary/${slug}`,
]

const TERM_TITLE = 'Backlink Renamed In Test'
const renameBacklink = edited('term-backlink', (doc) => ({...doc, title: TERM_TITLE}))
const SHORT_DEFINITION = 'The page of results a search engine returns, reworded in a test.'
const GUIDE_TITLE = 'The Link Building Playbook Renamed In Test'
const AUTHOR_NAME = 'Technical Desk Renamed In Test'
const CATEGORY_TITLE = 'Technical SEO Renamed In Test'

/**
 * The rows of the publish matrix, each on a document no other row touches, so they can
 * run one after another on one dataset.
 */
export const PUBLISH_MATRIX: Row[] = [
  {
    name: 'term title',
    reaches:
      'its page, `.md`, JSON and embed card; the terms and guides that link it; the terms it links (Referenced By); its author and category pages; the index and its letter page; `llms.txt`; search',
    id: 'term-backlink',
    edit: renameBacklink,
    checks: (documents) => {
      const term = documents.find((doc) => doc._id === 'term-backlink')!
      return unique([
        ...termOutputs('backlink'),
        ...linkerPages(documents, term._id),
        ...linkedTermPages(documents, term),
        ...pageOf(documents, refOf(term, 'author')),
        ...pageOf(documents, refOf(term, 'category')),
        ...indexPage(renameBacklink(documents), term._id),
        '/glossary/letter/b',
        '/llms.txt',
        `/api/search?q=${encodeURIComponent(TERM_TITLE)}`,
      ]).map(shows(TERM_TITLE))
    },
  },
  {
    name: 'term short definition',
    reaches:
      'its page, JSON and embed card; the cards and link previews of the terms and guides that link it; its author and category pages; the index and its letter page; `llms.txt`',
    id: 'term-serp',
    edit: edited('term-serp', (doc) => ({...doc, shortDefinition: SHORT_DEFINITION})),
    checks: (documents) => {
      const term = documents.find((doc) => doc._id === 'term-serp')!
      return unique([
        ...termOutputs('serp'),
        ...linkerPages(documents, term._id),
        ...pageOf(documents, refOf(term, 'author')),
        ...pageOf(documents, refOf(term, 'category')),
        ...indexPage(documents, term._id),
        '/glossary/letter/s',
        '/llms.txt',
      ]).map(shows(SHORT_DEFINITION))
    },
  },
  {
    name: 'term slug',
    reaches:
      'the new address serves; the old one (page, `.md`, JSON, embed card) 308s to it; every page that links it links the new address; the sitemap',
    id: 'term-anchor-text',
    // As the Studio publishes a new slug: the old one is kept among the previous slugs.
    edit: edited('term-anchor-text', (doc) => ({
      ...doc,
      slug: {_type: 'slug', current: 'anchor-text-moved'},
      previousSlugs: [...((doc.previousSlugs as string[]) ?? []), 'anchor-text'],
    })),
    checks: (documents) => {
      const term = documents.find((doc) => doc._id === 'term-anchor-text')!
      const moved = '/glossary/anchor-text-moved'
      return [
        shows(String(term.title))(moved),
        redirectsTo(moved)('/glossary/anchor-text'),
        redirectsTo(`${moved}.md`)('/glossary/anchor-text.md'),
        redirectsTo('/api/terms/anchor-text-moved')('/api/terms/anchor-text'),
        redirectsTo('/embed/glossary/anchor-text-moved')('/embed/glossary/anchor-text'),
        ...unique([
          ...linkerPages(documents, term._id),
          ...pageOf(documents, refOf(term, 'author')),
          ...pageOf(documents, refOf(term, 'category')),
          ...indexPage(documents, term._id),
          '/glossary/letter/a',
        ]).map(linksTo(moved)),
        shows(`/glossary/anchor-text-moved</loc>`)('/sitemap.xml'),
        noLinkTo('/glossary/anchor-text')('/sitemap.xml'),
      ]
    },
  },
  {
    name: 'term deleted',
    reaches:
      'its page, `.md`, JSON and embed card 404; it leaves the pages that linked it (links turn to plain text), its author and category pages, the index, the sitemap, the feed, `llms.txt` and search',
    id: 'term-e-e-a-t',
    // Sanity deletes a document others still point at only through weak references.
    edit: (documents) =>
      documents
        .filter((doc) => doc._id !== 'term-e-e-a-t')
        .map(
          (doc) =>
            JSON.parse(JSON.stringify(doc), (_, value) =>
              value?._ref === 'term-e-e-a-t' ? {...value, _weak: true} : value,
            ) as SanityDocument,
        ),
    checks: (documents) => {
      const term = documents.find((doc) => doc._id === 'term-e-e-a-t')!
      return [
        ...termOutputs('e-e-a-t').map(isGone),
        ...unique([
          ...linkerPages(documents, term._id),
          ...pageOf(documents, refOf(term, 'author')),
          ...pageOf(documents, refOf(term, 'category')),
          '/glossary',
          '/glossary/letter/e',
          '/sitemap.xml',
          '/feed.xml',
          '/llms.txt',
        ]).map(noLinkTo('/glossary/e-e-a-t')),
        {
          path: `/api/search?q=${encodeURIComponent(String(term.title))}`,
          expect: 'finds no E-E-A-T',
          holds: ({status, body}) => status === 200 && !body.includes('/glossary/e-e-a-t'),
        },
      ]
    },
  },
  {
    name: 'guide title',
    reaches:
      'its page; `/guides`; the terms that list it under Deeper Guides; the terms it links (Referenced By)',
    id: 'guide-link-building-playbook',
    edit: edited('guide-link-building-playbook', (doc) => ({...doc, title: GUIDE_TITLE})),
    checks: (documents) => {
      const guide = documents.find((doc) => doc._id === 'guide-link-building-playbook')!
      return unique([
        '/guides/link-building-playbook',
        '/guides',
        // Terms list it under Deeper Guides; a guide linking it shows its own words for the link.
        ...linkerPages(documents, guide._id).filter((page) => page.startsWith('/glossary/')),
        ...linkedTermPages(documents, guide),
      ]).map(shows(GUIDE_TITLE))
    },
  },
  {
    name: 'guide slug',
    reaches:
      'the new address serves; the old one 308s to it; `/guides` and the terms that list it link the new address; the sitemap',
    id: 'guide-measuring-seo-performance',
    // As the Studio publishes a new slug: the old one is kept among the previous slugs.
    edit: edited('guide-measuring-seo-performance', (doc) => ({
      ...doc,
      slug: {_type: 'slug', current: 'measuring-seo-performance-moved'},
      previousSlugs: ['measuring-seo-performance'],
    })),
    checks: (documents) => {
      const guide = documents.find((doc) => doc._id === 'guide-measuring-seo-performance')!
      const moved = '/guides/measuring-seo-performance-moved'
      return [
        shows(String(guide.title))(moved),
        redirectsTo(moved)('/guides/measuring-seo-performance'),
        ...unique([
          '/guides',
          ...linkerPages(documents, guide._id).filter((page) => page.startsWith('/glossary/')),
        ]).map(linksTo(moved)),
        shows(`${moved}</loc>`)('/sitemap.xml'),
        noLinkTo('/guides/measuring-seo-performance')('/sitemap.xml'),
      ]
    },
  },
  {
    name: 'guide body gains a term link',
    reaches: 'its page (the link and "Terms in this guide"); the linked term\'s Referenced By',
    id: 'guide-local-seo-foundations',
    edit: edited('guide-local-seo-foundations', (doc) => ({
      ...doc,
      body: [
        ...(doc.body as object[]),
        {
          _type: 'block',
          _key: 'matrix-link',
          style: 'normal',
          markDefs: [
            {
              _type: 'internalLink',
              _key: 'matrix-ref',
              reference: {_type: 'reference', _ref: 'term-hreflang'},
            },
          ],
          children: [
            {_type: 'span', _key: 'matrix-span', text: 'Read about hreflang here.', marks: ['matrix-ref']},
          ],
        },
      ],
    })),
    checks: (documents) => {
      const guide = documents.find((doc) => doc._id === 'guide-local-seo-foundations')!
      return [
        shows('Read about hreflang here.')('/guides/local-seo-foundations'),
        linksTo('/glossary/hreflang')('/guides/local-seo-foundations'),
        linksTo('/guides/local-seo-foundations')('/glossary/hreflang'),
        shows(String(guide.title))('/glossary/hreflang'),
      ]
    },
  },
  {
    name: 'author name',
    reaches: 'their page; `/guides`; the terms and guides that credit them',
    id: 'author-technical-seo-desk',
    edit: edited('author-technical-seo-desk', (doc) => ({...doc, name: AUTHOR_NAME})),
    checks: (documents) =>
      unique([
        '/authors/technical-seo-desk',
        '/guides',
        ...linkerPages(documents, 'author-technical-seo-desk'),
      ]).map(shows(AUTHOR_NAME)),
  },
  {
    name: 'category title',
    reaches: 'its page; the index; the home page; `llms.txt`; the terms filed under it',
    id: 'category-technical-seo',
    edit: edited('category-technical-seo', (doc) => ({...doc, title: CATEGORY_TITLE})),
    checks: (documents) =>
      unique([
        '/glossary/category/technical-seo',
        '/glossary',
        '/',
        '/llms.txt',
        ...linkerPages(documents, 'category-technical-seo'),
      ]).map(shows(CATEGORY_TITLE)),
  },
]
