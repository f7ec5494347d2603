import {siteName, siteUrl} from '@/lib/site/urls'

/** An embed for a term that does not exist (any more): say so inside the frame, briefly. */
export default function EmbedNotFound() {
  return (
    <main className="p-2">
      <div className="rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-700 dark:bg-zinc-900">
        <h1 className="font-semibold">Term not found</h1>
        <p className="mt-1">
          This definition is no longer on{' '}
          <a
            href={`${siteUrl}/glossary`}
            target="_blank"
            rel="noopener"
            className="text-blue-800 underline dark:text-blue-300"
          >
            {siteName}
          </a>
          .
        </p>
      </div>
    </main>
  )
}
