import type {BreadcrumbList, DefinedTerm, DefinedTermSet, Graph, Thing, WithContext} from 'schema-dts'

import type {Term, TermIndexEntry} from '@/lib/content'

import {absoluteUrl, authorPath, categoryPath, siteName, termPath} from '@/lib/site/urls'

/** A page's JSON-LD: one schema.org node, or a graph of them (types from schema-dts). */
export type JsonLdNode = WithContext<Thing> | Graph

/**
 * JSON for a `<script type="application/ld+json">`. Content is written by editors, so `<` is
 * escaped: a "</script>" inside a definition must not end the script early.
 */
export function serializeJsonLd(data: JsonLdNode): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

const GLOSSARY_PATH = '/glossary'
const glossarySetId = () => `${absoluteUrl(GLOSSARY_PATH)}#terms`
const termId = (slug: string) => `${absoluteUrl(termPath(slug))}#term`

/** The glossary as a set of defined terms; each term's page points back at it. */
const glossarySet = (): DefinedTermSet => ({
  '@type': 'DefinedTermSet',
  '@id': glossarySetId(),
  name: siteName,
  url: absoluteUrl(GLOSSARY_PATH),
})

function breadcrumbs(trail: {name: string; path: string}[]): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  }
}

type TermCard = Pick<TermIndexEntry, 'title' | 'slug' | 'shortDefinition' | 'aliases'>

function definedTerm(term: TermCard): DefinedTerm {
  return {
    '@type': 'DefinedTerm',
    '@id': termId(term.slug),
    name: term.title,
    description: term.shortDefinition,
    ...(term.aliases?.length ? {alternateName: term.aliases} : {}),
    url: absoluteUrl(termPath(term.slug)),
  }
}

/** A term page: the term itself, where it sits in the site, and the page as an article. */
export function termJsonLd(term: Term): Graph {
  const url = absoluteUrl(termPath(term.slug))
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {...definedTerm(term), inDefinedTermSet: glossarySet()},
      breadcrumbs([
        {name: 'Glossary', path: GLOSSARY_PATH},
        ...(term.category ? [{name: term.category.title, path: categoryPath(term.category.slug)}] : []),
        {name: term.title, path: termPath(term.slug)},
      ]),
      {
        '@type': 'Article',
        '@id': `${url}#article`,
        headline: term.title,
        description: term.seo?.description || term.quickAnswer,
        url,
        mainEntityOfPage: url,
        about: {'@id': termId(term.slug)},
        dateModified: term.updated,
        ...(term.author
          ? {
              author: {
                '@type': 'Person',
                name: term.author.name,
                url: absoluteUrl(authorPath(term.author.slug)),
              },
            }
          : {}),
        publisher: {'@type': 'Organization', name: siteName, url: absoluteUrl('/')},
      },
    ],
  }
}

/** The A–Z index: the glossary, with the terms the page shows. */
export function glossaryJsonLd(terms: readonly TermCard[]): WithContext<DefinedTermSet> {
  return {
    '@context': 'https://schema.org',
    ...glossarySet(),
    hasDefinedTerm: terms.map(definedTerm),
  }
}

/** A page of the index (a category, a letter): its place in the site. */
export function indexSectionJsonLd(section: {name: string; path: string}): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    ...breadcrumbs([{name: 'Glossary', path: GLOSSARY_PATH}, section]),
  }
}
