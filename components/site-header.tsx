import Link from 'next/link'

import {siteName} from '@/lib/site'

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:rounded focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-white"
      >
        Skip to content
      </a>
      <nav aria-label="Site" className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
          {siteName}
        </Link>
        <ul className="flex items-center gap-4 text-sm text-zinc-700 dark:text-zinc-300">
          <li>
            <Link href="/glossary" className="hover:text-blue-700 hover:underline dark:hover:text-blue-300">
              Glossary
            </Link>
          </li>
          <li>
            <Link href="/guides" className="hover:text-blue-700 hover:underline dark:hover:text-blue-300">
              Guides
            </Link>
          </li>
          <li>
            <Link
              href="/glossary#search"
              className="hover:text-blue-700 hover:underline dark:hover:text-blue-300"
            >
              Search
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  )
}
