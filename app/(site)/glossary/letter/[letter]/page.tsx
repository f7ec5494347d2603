import type {Metadata} from 'next'
import {notFound} from 'next/navigation'

import {Breadcrumbs} from '@/components/breadcrumbs'
import {JsonLd} from '@/components/json-ld'
import {Link} from '@/components/link.client'
import {TermList} from '@/components/term-list'
import {listTerms} from '@/lib/content'
import {letterFromSlug, letterName, letterOf, letterSlug, type Letter} from '@/lib/content/glossary-index'
import {absoluteUrl, letterPath, pageAlternates, siteName} from '@/lib/site/urls'
import {indexSectionJsonLd} from '@/lib/seo/structured-data'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

type Props = {params: Promise<{letter: string}>}

/**
 * None at build: together they list every term, so prerendering them would make the build grow
 * with the glossary. Each renders on its first request and is cached like the rest.
 */
export const generateStaticParams = () => []

function parseLetter(slug: string): Letter {
  const letter = letterFromSlug(slug)
  if (!letter) notFound()
  return letter
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const letter = parseLetter((await params).letter)
  const url = absoluteUrl(letterPath(letterSlug(letter)))
  const title = letter === '#' ? 'Terms starting with a number or symbol' : `Terms starting with ${letter}`
  const description = `Every term in the glossary filed under ${letterName(letter)}, each with a one-line definition.`
  return {
    title,
    description,
    alternates: pageAlternates(letterPath(letterSlug(letter))),
    openGraph: {type: 'website', url, siteName, title, description},
    twitter: {card: 'summary', title, description},
  }
}

/** Every term under one letter: where the index sends readers once a letter holds more than it shows. */
export default async function LetterPage({params}: Props) {
  const letter = parseLetter((await params).letter)
  const terms = (await listTerms()).filter((term) => letterOf(term.title) === letter)
  const heading = letter === '#' ? 'Numbers and symbols' : letter
  return (
    <div className="max-w-3xl">
      <JsonLd data={indexSectionJsonLd({name: heading, path: letterPath(letterSlug(letter))})} />
      <Breadcrumbs parents={[{label: 'Glossary', href: '/glossary'}]} current={heading} />
      <h1 className="mt-4 text-4xl font-bold tracking-tight">{heading}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        {terms.length === 0
          ? `No term is filed under ${letterName(letter)} yet. `
          : `${terms.length} ${terms.length === 1 ? 'term' : 'terms'} under ${letterName(letter)}. `}
        <Link href="/glossary" className="font-medium text-blue-800 underline dark:text-blue-300">
          Back to the whole glossary
        </Link>
        .
      </p>
      <h2 className="sr-only">Terms</h2>
      <div className="mt-4">
        <TermList terms={terms} />
      </div>
    </div>
  )
}
