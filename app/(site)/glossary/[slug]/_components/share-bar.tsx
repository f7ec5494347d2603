import {CopyLinkButton} from '@/components/copy-link-button.client'
import {absoluteUrl, termPath} from '@/lib/site/urls'

import {NativeShareButton} from './share-bar.client'

export function ShareBar({
  title,
  shortDefinition,
  slug,
  id,
}: {
  title: string
  shortDefinition: string
  slug: string
  id: string
}) {
  const url = absoluteUrl(termPath(slug))
  const encodedUrl = encodeURIComponent(url)
  const headingId = `${id}-heading`
  return (
    <div role="group" aria-labelledby={headingId} className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <h2 id={headingId} className="mr-1 text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        Share this term
      </h2>
      <CopyLinkButton path={termPath(slug)} label="Copy link" className="share-link" />
      <a
        className="share-link"
        href={`https://x.com/intent/post?url=${encodedUrl}&text=${encodeURIComponent(`${title}: ${shortDefinition}`)}`}
        rel="noopener noreferrer"
        target="_blank"
      >
        X<span className="sr-only"> (share on X, opens in a new tab)</span>
      </a>
      <a
        className="share-link"
        href={`https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`}
        rel="noopener noreferrer"
        target="_blank"
      >
        LinkedIn<span className="sr-only"> (share on LinkedIn, opens in a new tab)</span>
      </a>
      <a
        className="share-link"
        href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${shortDefinition}\n\n${url}`)}`}
      >
        Email<span className="sr-only"> this term</span>
      </a>
      <NativeShareButton title={title} text={shortDefinition} path={termPath(slug)} />
    </div>
  )
}
