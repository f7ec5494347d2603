import type {Metadata} from 'next'

import {DifficultyBadge} from '@/components/difficulty-badge'
import {Link} from '@/components/link.client'
import {getAuthor, listAuthorSlugs, type ReadOptions} from '@/lib/content'
import {redirectFromOldSlug} from '@/lib/site/moved-page'
import {authorPath, pageAlternates, termPath} from '@/lib/site/urls'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

type Props = {params: Promise<{slug: string}>}

export async function generateStaticParams() {
  return (await listAuthorSlugs()).map((slug) => ({slug}))
}

async function loadAuthor(slug: string, options?: ReadOptions) {
  const author = await getAuthor(slug, options)
  return author ?? redirectFromOldSlug('author', slug, authorPath)
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  // Redirects and 404s are the page's job; answering them here too would send them twice.
  const author = await getAuthor((await params).slug)
  if (!author) return {}
  return {
    title: author.name,
    description: author.bio,
    alternates: pageAlternates(authorPath(author.slug)),
  }
}

export default async function AuthorPage({params}: Props) {
  const author = await loadAuthor((await params).slug, {stega: true})
  return (
    <div className="max-w-3xl">
      <p className="muted">Author</p>
      <h1 className="text-4xl font-bold tracking-tight">{author.name}</h1>
      <p className="mt-1 text-lg text-zinc-700 dark:text-zinc-300">{author.role}</p>
      <p className="mt-4 leading-relaxed">{author.bio}</p>
      <h2 className="mt-10 text-2xl font-semibold">Terms by {author.name}</h2>
      {author.terms.length ? (
        <ul className="mt-4 divide-y divide-zinc-200 dark:divide-zinc-800">
          {author.terms.map((term) => (
            <li key={term._id} className="py-3">
              <div className="flex items-center gap-3">
                <Link
                  href={termPath(term.slug)}
                  className="font-semibold text-blue-800 hover:underline dark:text-blue-300"
                >
                  {term.title}
                </Link>
                <DifficultyBadge difficulty={term.difficulty} />
              </div>
              <p className="text-sm text-zinc-700 dark:text-zinc-300">{term.shortDefinition}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-zinc-600">No terms yet.</p>
      )}
    </div>
  )
}
