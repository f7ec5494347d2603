import {defineDocuments, defineLocations, type PresentationPluginOptions} from 'sanity/presentation'

import {letterName, letterOf, letterSlug} from '@/lib/content/glossary-index'
import {authorPath, categoryPath, guidePath, letterPath, termPath} from '@/lib/site/urls'

type Shown = {title?: string; slug?: string; external?: string} | null

type Location = {title: string; href: string}

const GLOSSARY_INDEX: Location = {title: 'Glossary index', href: '/glossary'}
const HOME: Location = {title: 'Home page', href: '/'}
const GUIDE_INDEX: Location = {title: 'Guides', href: '/guides'}

/** Where a document shows, or nowhere while it has no slug (it has no page yet). */
const shownAt = (locations: (doc: NonNullable<Shown> & {slug: string}) => Location[]) => (doc: Shown) => ({
  locations: doc?.slug ? locations({...doc, slug: doc.slug}) : [],
})

/**
 * Where each document shows on the site, for the Presentation tool's "used on" list and its
 * navigation: its own page and every list page that shows it (the same pages a publish of it
 * refreshes, lib/content/dependencies).
 */
export const presentationResolve: PresentationPluginOptions['resolve'] = {
  mainDocuments: defineDocuments([
    {route: '/glossary/:slug', filter: `_type == "term" && slug.current == $slug`},
    {route: '/guides/:slug', filter: `_type == "guide" && slug.current == $slug`},
    {route: '/authors/:slug', filter: `_type == "author" && slug.current == $slug`},
    {route: '/glossary/category/:slug', filter: `_type == "category" && slug.current == $slug`},
  ]),
  locations: {
    term: defineLocations({
      select: {title: 'title', slug: 'slug.current'},
      resolve: shownAt((term) => [
        {title: term.title || 'Untitled term', href: termPath(term.slug)},
        GLOSSARY_INDEX,
        ...(term.title
          ? [
              {
                title: `Terms under ${letterName(letterOf(term.title))}`,
                href: letterPath(letterSlug(letterOf(term.title))),
              },
            ]
          : []),
        HOME,
      ]),
    }),
    guide: defineLocations({
      select: {title: 'title', slug: 'slug.current', external: 'externalUrl'},
      resolve: shownAt((guide) => [
        // An external guide has no page here; it shows in the guide index and on terms.
        ...(guide.external ? [] : [{title: guide.title || 'Untitled guide', href: guidePath(guide.slug)}]),
        GUIDE_INDEX,
      ]),
    }),
    author: defineLocations({
      select: {title: 'name', slug: 'slug.current'},
      resolve: shownAt((author) => [
        {title: author.title || 'Untitled author', href: authorPath(author.slug)},
        GUIDE_INDEX,
      ]),
    }),
    category: defineLocations({
      select: {title: 'title', slug: 'slug.current'},
      resolve: shownAt((category) => [
        {title: category.title || 'Untitled category', href: categoryPath(category.slug)},
        GLOSSARY_INDEX,
        HOME,
      ]),
    }),
  },
}
