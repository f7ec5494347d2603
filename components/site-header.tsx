import {Link} from '@/components/link.client'
import {siteName} from '@/lib/site/urls'

import {SearchForm} from './search-form'

const NAV = [
  {href: '/glossary', label: 'Glossary'},
  {href: '/guides', label: 'Guides'},
  {href: '/glossary#search', label: 'Search'},
]

/** Its height is fixed (--header-height), so sticky bars and anchor targets can sit below it. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 h-(--header-height) border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:rounded focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-white"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-full max-w-6xl flex-wrap content-center items-center gap-x-6 gap-y-2 px-4 sm:flex-nowrap">
        <Link href="/" className="font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
          {siteName}
        </Link>
        <nav aria-label="Site">
          <ul className="flex items-center gap-4 text-sm text-zinc-700 dark:text-zinc-300">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="hover:text-blue-700 hover:underline dark:hover:text-blue-300"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SearchForm landmarkLabel="Site search" size="compact" className="w-full sm:ml-auto sm:w-80" />
      </div>
    </header>
  )
}
