import {defineQuery} from 'groq'

/**
 * Every GROQ query the site runs. Both content sources (Content Lake and embedded dataset)
 * execute these exact strings, and TypeGen derives the result types from them.
 */

const linkTarget = /* groq */ `{_type, title, "slug": slug.current, shortDefinition, difficulty, externalUrl}`

/** Rich text with every internal link resolved to its target's current slug. */
const richText = /* groq */ `[]{
  ...,
  markDefs[]{
    ...,
    _type == "internalLink" => {"target": reference->${linkTarget}}
  }
}`

const termCard = /* groq */ `{_id, title, "slug": slug.current, shortDefinition, difficulty}`

export const TERM_QUERY = defineQuery(`*[_type == "term" && slug.current == $slug][0]{
  _id,
  _rev,
  title,
  "slug": slug.current,
  shortDefinition,
  aliases,
  difficulty,
  quickAnswer,
  keyTakeaways,
  intro${richText},
  whatItMeans${richText},
  whyItMatters${richText},
  exampleInPractice${richText},
  whatItIsNot${richText},
  businessContext{
    body${richText},
    "handoff": handoff->${linkTarget}
  },
  updated,
  seo,
  "category": category->{title, "slug": slug.current},
  "author": author->{name, "slug": slug.current, role},
  "relatedTerms": relatedTerms[defined(@->slug.current)]->${termCard},
  "deeperGuides": deeperGuides[defined(@->slug.current)]->{_id, title, "slug": slug.current, summary, externalUrl},
  "referencedBy": *[(_type == "term" || _type == "guide") && references(^._id) && defined(slug.current)]
    | order(title asc){_type, title, "slug": slug.current}
}`)

export const TERM_SLUGS_QUERY = defineQuery(
  `*[_type == "term" && defined(slug.current)] | order(updated desc).slug.current`,
)

export const TERM_INDEX_QUERY =
  defineQuery(`*[_type == "term" && defined(slug.current)] | order(lower(title) asc){
  _id,
  title,
  "slug": slug.current,
  shortDefinition,
  difficulty,
  aliases,
  updated,
  "category": category->{title, "slug": slug.current}
}`)

/** The names a term answers to besides its slug, for permanent redirects. */
export const TERM_NAMES_QUERY = defineQuery(`*[_type == "term" && defined(slug.current)]{
  "slug": slug.current,
  aliases,
  previousSlugs
}`)

/**
 * For the Studio's checks that no two terms claim one URL: every other term, drafts included,
 * with the names it answers to (the document being edited is left out by both its ids).
 */
export const OTHER_TERM_NAMES_QUERY = defineQuery(`*[_type == "term" && !(_id in $ids)]{
  title,
  "slug": slug.current,
  aliases,
  previousSlugs
}`)

/**
 * Every address a published page answers to, for the URL gate (proxy.ts): terms with the names
 * they redirect from, and guides, authors and categories with their old slugs.
 */
export const PAGE_NAMES_QUERY = defineQuery(`{
  "terms": *[_type == "term" && defined(slug.current)]{"slug": slug.current, aliases, previousSlugs},
  "pages": *[_type in ["guide", "author", "category"] && defined(slug.current)]{
    _type,
    "slug": slug.current,
    previousSlugs
  }
}`)

/**
 * The current slug of the guide, author or category that once had `$slug`: its old address
 * redirects there. (Terms also answer to aliases: TERM_NAMES_QUERY.)
 */
export const MOVED_PAGE_QUERY = defineQuery(
  `*[_type == $type && $slug in previousSlugs && defined(slug.current)][0].slug.current`,
)

export const AUTHOR_QUERY = defineQuery(`*[_type == "author" && slug.current == $slug][0]{
  _id,
  name,
  "slug": slug.current,
  role,
  bio,
  image,
  "terms": *[_type == "term" && author._ref == ^._id && defined(slug.current)] | order(lower(title) asc)${termCard}
}`)

export const AUTHOR_SLUGS_QUERY = defineQuery(`*[_type == "author" && defined(slug.current)].slug.current`)

/** The term a feedback vote is about, by id or slug, with the revision the reader saw. */
export const TERM_REVISION_QUERY =
  defineQuery(`*[_type == "term" && (_id == $term || slug.current == $term)][0]{
  _id,
  _rev,
  "slug": slug.current,
  title
}`)

/** The few fields tools outside the page need: the JSON endpoint and the embeddable card. */
export const TERM_SUMMARY_QUERY = defineQuery(`*[_type == "term" && slug.current == $slug][0]{
  title,
  "slug": slug.current,
  shortDefinition,
  aliases,
  difficulty,
  updated
}`)

export const GUIDE_QUERY = defineQuery(`*[_type == "guide" && slug.current == $slug][0]{
  _id,
  title,
  "slug": slug.current,
  summary,
  updated,
  externalUrl,
  body${richText},
  "author": author->{name, "slug": slug.current, role},
  "terms": *[
    _type == "term"
    && _id in ^.body[].markDefs[][_type == "internalLink"].reference._ref
    && defined(slug.current)
  ] | order(lower(title) asc)${termCard}
}`)

/** Only guides written here have a page; external ones live at their URL. */
export const GUIDE_SLUGS_QUERY = defineQuery(
  `*[_type == "guide" && defined(slug.current) && !defined(externalUrl)] | order(updated desc).slug.current`,
)

export const GUIDE_INDEX_QUERY =
  defineQuery(`*[_type == "guide" && defined(slug.current)] | order(updated desc, lower(title) asc){
  _id,
  title,
  "slug": slug.current,
  summary,
  updated,
  externalUrl,
  "author": author->{name, "slug": slug.current}
}`)

/**
 * Everything the link report reads, drafts included (run it with the raw perspective): the
 * documents that link (terms, guides) and every document they may point at.
 */
export const LINK_REPORT_DOCUMENTS_QUERY = defineQuery(
  `*[_type in ["term", "guide", "author", "category"] && !(_id in path("versions.**"))]`,
)
/** Every published term's names, for the Studio's unlinked-mentions action. */
export const MENTIONABLE_TERMS_QUERY = defineQuery(
  `*[_type == "term" && defined(slug.current) && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]{_id, title, aliases}`,
)
/**
 * A cheap fingerprint of the term list: it changes whenever a term is added, removed or edited,
 * so work derived from every term (the search index) is rebuilt only when the content changed.
 */
export const TERM_INDEX_VERSION_QUERY = defineQuery(`{
  "count": count(*[_type == "term" && defined(slug.current)]),
  "updatedAt": *[_type == "term"] | order(_updatedAt desc)[0]._updatedAt
}`)

export const CATEGORIES_QUERY =
  defineQuery(`*[_type == "category" && defined(slug.current)] | order(title asc){
  _id,
  title,
  "slug": slug.current,
  description
}`)

export const CATEGORY_QUERY = defineQuery(`*[_type == "category" && slug.current == $slug][0]{
  _id,
  title,
  "slug": slug.current,
  description,
  "terms": *[_type == "term" && category._ref == ^._id && defined(slug.current)] | order(lower(title) asc)${termCard}
}`)

/**
 * Every published page's slug and editorial date. References stay ids (joined in code), so the
 * query stays linear in the number of terms on the embedded dataset too.
 */
export const SITEMAP_QUERY = defineQuery(`{
  "terms": *[_type == "term" && defined(slug.current)]{
    "slug": slug.current,
    updated,
    "category": category._ref,
    "author": author._ref
  },
  "guides": *[_type == "guide" && defined(slug.current) && !defined(externalUrl)]{
    "slug": slug.current,
    updated,
    "author": author._ref
  },
  "authors": *[_type == "author" && defined(slug.current)]{_id, "slug": slug.current},
  "categories": *[_type == "category" && defined(slug.current)]{_id, "slug": slug.current}
}`)

/** The 30 most recently reviewed terms, newest first, for the feed (GROQ slices take constants). */
export const RECENT_TERMS_QUERY =
  defineQuery(`*[_type == "term" && defined(slug.current)] | order(updated desc, lower(title) asc)[0...30]{
  _id,
  title,
  "slug": slug.current,
  shortDefinition,
  quickAnswer,
  updated,
  "category": category->title,
  "author": author->name
}`)

/** Every published term's current revision, so the feedback summary can tell votes before and after an edit. */
export const TERM_REVISIONS_QUERY = defineQuery(`*[_type == "term" && defined(slug.current)]{
  _id,
  _rev,
  "slug": slug.current,
  title,
  updated
}`)

/**
 * The published documents a change reaches through references, by type and slug: those that
 * reference the changed document (`$id`) and those it references or referenced (`$linked`).
 */
export const PUBLISH_NEIGHBOURS_QUERY = defineQuery(`{
  "linkers": *[references($id) && defined(slug.current)]{_type, "slug": slug.current},
  "linked": *[_id in $linked && defined(slug.current)]{_type, "slug": slug.current}
}`)

const usedByFilter = /* groq */ `(_type == "term" || _type == "guide") && references($id)`

/** The Studio's "Used by" view: the terms and guides that reference a term, terms first. */
export const USED_BY_QUERY = defineQuery(
  `*[${usedByFilter}] | order(_type desc, lower(title) asc){_id, _type, title}`,
)

/** What the "Used by" view listens to for changes (a listener takes a bare filter). */
export const USED_BY_LISTENER = `*[${usedByFilter}]`

/**
 * Every term as editors see it (each draft in place of its published version), with the fields
 * search reads: the Feedback tool runs each missed search against it, so a search an editor has
 * answered, even in a draft, leaves the list.
 */
export const STUDIO_TERM_SEARCH_QUERY = defineQuery(`*[_type == "term"]{
  _id,
  "title": coalesce(title, ""),
  aliases,
  "slug": coalesce(slug.current, ""),
  "shortDefinition": coalesce(shortDefinition, "")
}`)

/** What the Feedback tool listens to for changes to the terms. */
export const STUDIO_TERM_SEARCH_LISTENER = `*[_type == "term"]`

/** A term's published version and its draft as stored, read again just before an edit is sent. */
export const TERM_PAIR_QUERY = defineQuery(`*[_id in [$id, "drafts." + $id]]`)
