import {Link} from '@/components/link.client'

export type Crumb = {label: string; href: string}

/** Where a page sits: links to its parents, then the page itself (not a link). */
export function Breadcrumbs({parents, current}: {parents: Crumb[]; current: string}) {
  return (
    <nav aria-label="Breadcrumb" className="muted">
      <ol className="flex flex-wrap items-center gap-1">
        {parents.map((crumb, index) => (
          <li key={crumb.href}>
            {index > 0 && <span aria-hidden="true">› </span>}
            <Link href={crumb.href} className="hover:underline">
              {crumb.label}
            </Link>
          </li>
        ))}
        <li>
          <span aria-hidden="true">› </span>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  )
}
