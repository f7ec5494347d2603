import type {Metadata} from 'next'

import {SearchForm} from '@/components/search-form'

export const metadata: Metadata = {title: 'Temporarily unavailable', robots: {index: false}}

/**
 * The body of the 503 a reader gets when the Content Lake is down and the page they asked for was
 * never cached (lib/content/outage-response.ts). Built once at build time and read from the build,
 * so it needs no content to show: the site's header, a search box and what to do.
 */
export default function Unavailable() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">This page is temporarily unavailable</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        The service our glossary content comes from is not answering right now, so we cannot show this page.
        It should be back shortly: try again in a minute. Pages you have opened before may still work, and so
        may a search.
      </p>
      <SearchForm landmarkLabel="Search the glossary" className="mt-6" />
    </div>
  )
}
