import {termPath} from '@/lib/site/urls'
import {TERM_PARTS} from '@/lib/content/term-sections'

import {FeedbackForm} from './feedback.client'

/**
 * "Was this helpful?" — a real form, so one click works even before (or without) JavaScript.
 * Without JavaScript the post comes back to `#feedback-thanks`, which CSS `:target` reveals: the
 * page stays static (no query string to read), so it keeps being served from the ISR cache.
 */
export function Feedback({termId, slug}: {termId: string; slug: string}) {
  return (
    <section
      aria-labelledby={TERM_PARTS.feedback.id}
      className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <h2 id={TERM_PARTS.feedback.id} className="text-lg font-semibold">
        {TERM_PARTS.feedback.title}
      </h2>
      <p className="mt-1 muted">Tell us how this article felt in one click.</p>
      <FeedbackForm termId={termId} returnTo={termPath(slug)} />
      <p
        id="feedback-thanks"
        tabIndex={-1}
        className="mt-3 hidden text-sm font-medium text-emerald-800 outline-none target:block dark:text-emerald-300"
      >
        Thanks for your feedback! It helps us improve this page.
      </p>
    </section>
  )
}
