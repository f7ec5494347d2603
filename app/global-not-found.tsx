import type {Metadata} from 'next'

import {NotFoundContent} from '@/components/not-found-content'
import {SiteShell} from '@/components/site-shell'

import './(site)/globals.css'

export const metadata: Metadata = {title: 'Page not found', robots: {index: false}}

/** Unmatched URLs anywhere: the site has two root layouts, so this page brings its own document. */
export default function GlobalNotFound() {
  return (
    <SiteShell>
      <NotFoundContent />
    </SiteShell>
  )
}
