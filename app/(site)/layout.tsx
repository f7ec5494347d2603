import type {Metadata, Viewport} from 'next'
import type {ReactNode} from 'react'

import {SiteShell} from '@/components/site-shell'
import {siteName, siteUrl} from '@/lib/site'

import './globals.css'

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

export default function SiteLayout({children}: {children: ReactNode}) {
  return <SiteShell>{children}</SiteShell>
}
