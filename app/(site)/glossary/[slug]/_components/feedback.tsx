/**
 * "Was this helpful?" — a real form, so one click works even before (or without) JavaScript.
 */
export function Feedback({termId, slug}: {termId: string; slug: string}) {
  const button =
    'rounded-lg border border-zinc-300 px-5 py-2 font-semibold hover:border-blue-600 hover:text-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:text-blue-300'
  return (
    <section
      aria-labelledby="feedback"
      className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <h2 id="feedback" className="text-lg font-semibold">
        Was this helpful?
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Tell us how this article felt in one click.
      </p>
      <form method="post" action="/api/feedback" className="mt-4 flex gap-3">
        <input type="hidden" name="term" value={termId} />
        <input type="hidden" name="returnTo" value={`/glossary/${slug}`} />
        <button type="submit" name="vote" value="yes" aria-label="Yes, this was helpful" className={button}>
          Yes
        </button>
        <button type="submit" name="vote" value="no" aria-label="No, this was not helpful" className={button}>
          No
        </button>
      </form>
    </section>
  )
}
