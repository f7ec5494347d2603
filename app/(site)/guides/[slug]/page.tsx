import type {Metadata} from 'next'
import {notFound} from 'next/navigation'

import {Breadcrumbs} from '@/components/breadcrumbs'
import {Link} from '@/components/link.client'
import {PortableText} from '@/components/portable-text'
import {getGuide, listGuideSlugs, type Guide} from '@/lib/content'
import {redirectFromOldSlug} from '@/lib/site/moved-page'
import {formatDate} from '@/lib/text/dates'
import {absoluteUrl, authorPath, guidePath, pageAlternates} from '@/lib/site/urls'

import {GuideTerms} from './_components/guide-terms'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

type Props = {params: Promise<{slug: string}>}

export async function generateStaticParams() {
  return (await listGuideSlugs()).map((slug) => ({slug}))
}

/**
 * Only guides written here have a page. An external guide never had a URL on this site, so its
 * slug is a 404 like any other unknown address, rather than a redirect that would make our
 * domain a pass-through to other sites.
 */
async function loadGuide(slug: string): Promise<Guide> {
  const guide = await getGuide(slug, {stega: true})
  if (guide && !guide.externalUrl && guide.body?.length) return guide
  if (guide) notFound()
  return redirectFromOldSlug('guide', slug, guidePath)
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const guide = await getGuide((await params).slug)
  if (!guide || guide.externalUrl) return {}
  const url = absoluteUrl(guidePath(guide.slug))
  return {
    title: guide.title,
    description: guide.summary,
    alternates: pageAlternates(guidePath(guide.slug)),
    openGraph: {
      type: 'article',
      url,
      title: guide.title,
      description: guide.summary,
      modifiedTime: guide.updated,
    },
  }
}

export default async function GuidePage({params}: Props) {
  const guide = await loadGuide((await params).slug)
  return (
    <article className="max-w-3xl">
      <Breadcrumbs parents={[{label: 'Guides', href: '/guides'}]} current={guide.title} />
      <header className="mt-4">
        <h1 className="text-4xl font-bold tracking-tight text-zinc-950 sm:text-5xl dark:text-white">
          {guide.title}
        </h1>
        <p className="mt-3 text-xl leading-relaxed text-zinc-700 dark:text-zinc-300">{guide.summary}</p>
        <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 muted">
          <span>
            By{' '}
            <Link
              href={authorPath(guide.author.slug)}
              className="font-medium text-blue-800 hover:underline dark:text-blue-300"
            >
              {guide.author.name}
            </Link>
          </span>
          <span>
            Updated <time dateTime={guide.updated}>{formatDate(guide.updated)}</time>
          </span>
        </p>
      </header>
      <div className="rich-text mt-8">
        <PortableText value={guide.body} headingLevel={2} />
      </div>
      {guide.terms.length > 0 && <GuideTerms terms={guide.terms} />}
    </article>
  )
}
