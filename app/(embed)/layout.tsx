import type {Metadata} from 'next'
import type {ReactNode} from 'react'

import {siteUrl} from '@/lib/site/urls'

import '@/app/globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl),
  // The card repeats the term page; search engines should index the page, not the card.
  robots: {index: false},
}

/** The root layout of embeddable cards: no site header or footer, just the card on a plain page. */
export default function EmbedLayout({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body className="bg-transparent font-sans text-zinc-900 antialiased dark:text-zinc-100">
        {children}
      </body>
    </html>
  )
}
