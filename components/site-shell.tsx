import type {ReactNode} from 'react'

import {SiteFooter} from './site-footer'
import {SiteHeader} from './site-header'

/** The document every public page shares: header, main landmark, footer. */
export function SiteShell({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
