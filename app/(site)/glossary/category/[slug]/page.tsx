import type {Metadata} from 'next'
import {stegaClean} from 'next-sanity'

import {Breadcrumbs} from '@/components/breadcrumbs'
import {JsonLd} from '@/components/json-ld'
import {Link} from '@/components/link.client'
import {TermList} from '@/components/term-list'
import {getCategory, listCategories, type ReadOptions} from '@/lib/content'
import {redirectFromOldSlug} from '@/lib/site/moved-page'
import {absoluteUrl, categoryPath, pageAlternates, siteName} from '@/lib/site/urls'
import {indexSectionJsonLd} from '@/lib/seo/structured-data'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

type Props = {params: Promise<{slug: string}>}

export async function generateStaticParams() {
  return (await listCategories({published: true})).map((category) => ({slug: category.slug}))
}

async function loadCategory(slug: string, options?: ReadOptions) {
  const category = await getCategory(slug, options)
  return category ?? redirectFromOldSlug('category', slug, categoryPath)
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  // Redirects and 404s are the page's job; answering them here too would send them twice.
  const category = await getCategory((await params).slug)
  if (!category) return {}
  const url = absoluteUrl(categoryPath(category.slug))
  const title = `${category.title} terms`
  return {
    title,
    description: category.description,
    alternates: pageAlternates(categoryPath(category.slug)),
    openGraph: {type: 'website', url, siteName, title, description: category.description},
    twitter: {card: 'summary', title, description: category.description},
  }
}

export default async function CategoryPage({params}: Props) {
  const category = await loadCategory((await params).slug, {stega: true})
  return (
    <div className="max-w-3xl">
      <JsonLd
        data={indexSectionJsonLd(stegaClean({name: category.title, path: categoryPath(category.slug)}))}
      />
      <Breadcrumbs parents={[{label: 'Glossary', href: '/glossary'}]} current={category.title} />
      <h1 className="mt-4 text-4xl font-bold tracking-tight">{category.title}</h1>
      <p className="mt-3 text-lg leading-relaxed text-zinc-700 dark:text-zinc-300">{category.description}</p>
      <p className="mt-4 muted">
        {category.terms.length} {category.terms.length === 1 ? 'term' : 'terms'}.{' '}
        <Link
          href={`/glossary?category=${encodeURIComponent(category.slug)}`}
          className="font-medium text-blue-800 underline dark:text-blue-300"
        >
          Filter them by difficulty in the glossary
        </Link>
        .
      </p>
      <h2 className="sr-only">Terms</h2>
      <div className="mt-4">
        <TermList terms={category.terms} />
      </div>
    </div>
  )
}
