'use client'

import {Link} from '@/components/link.client'

/**
 * Shown when a page cannot be rendered, e.g. while the Content Lake is unreachable and the page
 * is not cached yet. The server has logged the cause under the reference shown here.
 */
export default function SiteError({error, retry}: {error: unknown; retry: () => void}) {
  const digest = error instanceof Error ? (error as Error & {digest?: string}).digest : undefined
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-3xl font-bold tracking-tight">This page could not be loaded</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">
        Something went wrong on our side. Please try again in a moment.
      </p>
      {digest && <p className="mt-2 muted">Reference: {digest}</p>}
      <div className="mt-8 flex justify-center gap-4">
        <button
          type="button"
          onClick={retry}
          className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          Try again
        </button>
        <Link href="/glossary" className="px-4 py-2 font-medium text-blue-800 underline dark:text-blue-300">
          Go to the glossary
        </Link>
      </div>
    </div>
  )
}
