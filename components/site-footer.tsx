import {Link} from '@/components/link.client'
import {siteName} from '@/lib/site/urls'

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 py-8 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4">
        <p>{siteName}: plain-language definitions of search and SEO terms.</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-4">
            <li>
              <Link href="/glossary" className="underline-offset-2 hover:underline">
                All terms
              </Link>
            </li>
            <li>
              <Link href="/guides" className="underline-offset-2 hover:underline">
                Guides
              </Link>
            </li>
            <li>
              {/* Files, not pages: a plain link, so the router does not try to render them. */}
              <a href="/feed.xml" className="underline-offset-2 hover:underline">
                Updates feed
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
