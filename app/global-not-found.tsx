import type {Metadata} from 'next'
import {headers} from 'next/headers'

import {NotFoundContent} from '@/components/not-found-content'
import {SiteShell} from '@/components/site-shell'
import {MISSING_NAME_HEADER} from '@/lib/site/missing-page'

import './globals.css'

export const metadata: Metadata = {title: 'Page not found', robots: {index: false}}

/**
 * Unmatched URLs anywhere, and every address the URL gate (proxy.ts) did not know, which it
 * rewrites here with the missing name, to suggest the closest terms. The site has two root
 * layouts, so this page brings its own document; it renders per request and is never cached.
 */
export default async function GlobalNotFound() {
  // Bounded: anyone can send the header to any unmatched URL.
  const missing = ((await headers()).get(MISSING_NAME_HEADER) ?? '').slice(0, 96)
  return (
    <SiteShell>
      <NotFoundContent missing={missing} />
    </SiteShell>
  )
}
