import {defineDocuments, defineLocations, type PresentationPluginOptions} from 'sanity/presentation'

import {authorPath, termPath} from '../lib/site'

type Named = {title?: string; slug?: string} | null

/** Where each document shows on the site, for the Presentation tool's "used on" list and navigation. */
export const presentationResolve: PresentationPluginOptions['resolve'] = {
  mainDocuments: defineDocuments([
    {route: '/glossary/:slug', filter: `_type == "term" && slug.current == $slug`},
    {route: '/authors/:slug', filter: `_type == "author" && slug.current == $slug`},
  ]),
  locations: {
    term: defineLocations({
      select: {title: 'title', slug: 'slug.current'},
      resolve: (term: Named) => ({
        locations: term?.slug
          ? [
              {title: term.title || 'Untitled term', href: termPath(term.slug)},
              {title: 'Glossary index', href: '/glossary'},
            ]
          : [],
      }),
    }),
    author: defineLocations({
      select: {title: 'name', slug: 'slug.current'},
      resolve: (author: Named) => ({
        locations: author?.slug
          ? [{title: author.title || 'Untitled author', href: authorPath(author.slug)}]
          : [],
      }),
    }),
  },
}
