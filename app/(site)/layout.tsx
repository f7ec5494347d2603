import type {Metadata, Viewport} from 'next'
import type {ReactNode} from 'react'

import {PreviewTools} from '@/components/preview-tools.client'
import {SiteShell} from '@/components/site-shell'
import {isPreviewing} from '@/lib/content/preview'
import {siteName, siteUrl} from '@/lib/site/urls'

import '@/app/globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl),
  title: {default: siteName, template: `%s | ${siteName}`},
  description: 'Plain-language definitions of search and SEO terms, written and reviewed by our editors.',
}

export const viewport: Viewport = {
  themeColor: [
    {media: '(prefers-color-scheme: light)', color: '#ffffff'},
    {media: '(prefers-color-scheme: dark)', color: '#09090b'},
  ],
}

export default async function SiteLayout({children}: {children: ReactNode}) {
  // Visitors never get the editing tools: they load only for an editor in draft mode.
  const previewing = await isPreviewing()
  return (
    <SiteShell>
      {children}
      {previewing && <PreviewTools />}
    </SiteShell>
  )
}
