import type {Metadata} from 'next'
import {notFound, permanentRedirect} from 'next/navigation'
import {stegaClean} from 'next-sanity'

import {Breadcrumbs} from '@/components/breadcrumbs'
import {Link} from '@/components/link.client'
import {compact} from '@/lib/content/compact'
import {DifficultyBadge} from '@/components/difficulty-badge'
import {JsonLd} from '@/components/json-ld'
import {getTerm, resolveTerm, type Term} from '@/lib/content'
import {formatDate} from '@/lib/text/dates'
import {prerenderedTermParams} from '@/lib/content/prerender'
import {termReadingMinutes} from '@/lib/text/reading-time'
import {
  absoluteUrl,
  authorPath,
  categoryPath,
  pageAlternates,
  siteName,
  termMarkdownPath,
  termPath,
} from '@/lib/site/urls'
import {termJsonLd} from '@/lib/seo/structured-data'
import {presentSections, TERM_PARTS, termOutline, type TermPart} from '@/lib/content/term-sections'

import {BusinessContext} from './_components/business-context'
import {CiteTerm} from './_components/cite-term'
import {DeeperGuides} from './_components/deeper-guides'
import {Feedback} from './_components/feedback'
import {ReferencedBy} from './_components/referenced-by'
import {RelatedTerms} from './_components/related-terms'
import {ShareBar} from './_components/share-bar'
import {TableOfContents} from './_components/table-of-contents'
import {TermBody} from './_components/term-body'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

type Props = {params: Promise<{slug: string}>}

/** Prerender the most recently updated terms; the rest render on first request and are cached. */
export const generateStaticParams = prerenderedTermParams

/** The term, or a permanent redirect to its current address (resolveTerm), or a 404. */
async function loadTerm(segment: string): Promise<Term> {
  // An editor in draft mode sees the draft, with edit markers on the text.
  const found = await resolveTerm(segment, (slug) => getTerm(slug, {stega: true}))
  if (!found) notFound()
  if ('redirectTo' in found) permanentRedirect(termPath(found.redirectTo))
  return found.term
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  // Redirects and 404s are the page's job; answering them here too would send them twice.
  // No edit markers in metadata: they would end up in titles and share cards.
  const term = await getTerm((await params).slug)
  if (!term) return {}
  // Absolute and without the query string, so tracking parameters never make a second page.
  const url = absoluteUrl(termPath(term.slug))
  const title = term.seo?.title || `${term.title}: definition and meaning`
  const description = term.seo?.description || term.quickAnswer
  // The Open Graph image comes from ./opengraph-image.tsx; Next adds it to these tags.
  return {
    title,
    description,
    alternates: pageAlternates(termPath(term.slug), {
      'text/markdown': absoluteUrl(termMarkdownPath(term.slug)),
    }),
    openGraph: {
      type: 'article',
      url,
      siteName,
      title,
      description,
      modifiedTime: term.updated,
      section: term.category?.title,
      authors: term.author ? [absoluteUrl(authorPath(term.author.slug))] : undefined,
    },
    twitter: {card: 'summary_large_image', title, description},
  }
}

export default async function TermPage({params}: Props) {
  const term = await loadTerm((await params).slug)
  // Share links carry the title and definition in their URLs, where edit markers must not go.
  const share = {title: stegaClean(term.title), shortDefinition: stegaClean(term.shortDefinition)}
  const sections = presentSections(term)
  const relatedTerms = compact(term.relatedTerms)
  const deeperGuides = compact(term.deeperGuides)
  const referencedBy = compact(term.referencedBy)
  const minutes = termReadingMinutes(term)
  const outline = termOutline(term)
  const shows = (part: TermPart) => outline.some((entry) => entry.id === TERM_PARTS[part].id)

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-12">
      <JsonLd data={termJsonLd(stegaClean(term))} />
      <article className="min-w-0 max-w-3xl">
        <Breadcrumbs
          parents={[
            {label: 'Glossary', href: '/glossary'},
            ...(term.category ? [{label: term.category.title, href: categoryPath(term.category.slug)}] : []),
          ]}
          current={term.title}
        />

        <header className="mt-4">
          <h1 className="text-4xl font-bold tracking-tight text-zinc-950 sm:text-5xl dark:text-white">
            {term.title}
          </h1>
          <p className="mt-3 text-xl leading-relaxed text-zinc-700 dark:text-zinc-300">
            {term.shortDefinition}
          </p>
          {term.aliases && term.aliases.length > 0 && (
            <p className="mt-3 muted">
              <span className="font-medium">Also known as:</span> {term.aliases.join(', ')}
            </p>
          )}
          <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 muted">
            <DifficultyBadge difficulty={term.difficulty} />
            <span>{minutes} min read</span>
            <span>
              Updated <time dateTime={term.updated}>{formatDate(term.updated)}</time>
            </span>
            {term.author && (
              <span>
                By{' '}
                <Link
                  href={authorPath(term.author.slug)}
                  className="font-medium text-blue-800 hover:underline dark:text-blue-300"
                >
                  {term.author.name}
                </Link>
              </span>
            )}
          </p>
          <div className="mt-4">
            <ShareBar
              id="share-top"
              title={share.title}
              shortDefinition={share.shortDefinition}
              slug={term.slug}
            />
          </div>
        </header>

        <section
          aria-labelledby="quick-answer"
          className="mt-8 rounded-xl border-l-4 border-blue-600 bg-blue-50 p-5 dark:bg-blue-950/40"
        >
          <h2
            id="quick-answer"
            className="text-sm font-bold uppercase tracking-wider text-blue-900 dark:text-blue-200"
          >
            Quick Answer
          </h2>
          <p className="mt-2 text-lg leading-relaxed text-zinc-900 dark:text-zinc-100">{term.quickAnswer}</p>
        </section>

        <section aria-labelledby="key-takeaways" className="mt-6">
          <h2 id="key-takeaways" className="text-lg font-semibold">
            Key Takeaways
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-zinc-800 dark:text-zinc-200">
            {term.keyTakeaways.map((takeaway) => (
              <li key={takeaway}>{takeaway}</li>
            ))}
          </ul>
        </section>

        {sections[0] && (
          <p className="mt-6 text-zinc-700 dark:text-zinc-300">
            Want the full breakdown?{' '}
            <a
              href={`#${sections[0].id}`}
              className="font-medium text-blue-800 underline underline-offset-2 dark:text-blue-300"
            >
              Scroll below.
            </a>
          </p>
        )}

        <TermBody term={term} />

        <div className="mt-10 space-y-10">
          {shows('relatedTerms') && <RelatedTerms slug={term.slug} terms={relatedTerms} />}
          {shows('referencedBy') && <ReferencedBy slug={term.slug} documents={referencedBy} />}
          {shows('deeperGuides') && <DeeperGuides slug={term.slug} guides={deeperGuides} />}
          {term.businessContext && shows('businessContext') && (
            <BusinessContext slug={term.slug} context={term.businessContext} />
          )}
          <ShareBar
            id="share-bottom"
            title={share.title}
            shortDefinition={share.shortDefinition}
            slug={term.slug}
          />
          <CiteTerm term={stegaClean(term)} />
          <Feedback termId={term._id} slug={term.slug} />
        </div>
      </article>
      <aside className="hidden lg:block">
        <TableOfContents entries={outline} />
      </aside>
    </div>
  )
}
