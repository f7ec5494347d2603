import {Link} from '@/components/link.client'
import type {ReferencingDocument} from '@/lib/content'
import {guidePath, termPath} from '@/lib/site/urls'
import {TERM_PARTS} from '@/lib/content/term-sections'

import {SectionHeading} from './section-heading'

/** Backlinks: the guides and terms on this site that link to this term. */
export function ReferencedBy({slug, documents}: {slug: string; documents: ReferencingDocument[]}) {
  const guides = documents.filter((doc) => doc._type === 'guide')
  const terms = documents.filter((doc) => doc._type === 'term')
  return (
    <section aria-labelledby={TERM_PARTS.referencedBy.id}>
      <SectionHeading id={TERM_PARTS.referencedBy.id} slug={slug}>
        {TERM_PARTS.referencedBy.title}
      </SectionHeading>
      <div className="grid gap-6 sm:grid-cols-2">
        {guides.length > 0 && <Group title="Guides" documents={guides} path={guidePath} />}
        {terms.length > 0 && <Group title="Terms" documents={terms} path={termPath} />}
      </div>
    </section>
  )
}

function Group({
  title,
  documents,
  path,
}: {
  title: string
  documents: ReferencingDocument[]
  path: (slug: string) => string
}) {
  return (
    <div>
      <h3 className="eyebrow">{title}</h3>
      <ul className="mt-2 space-y-1">
        {documents.map((doc) => (
          <li key={doc.slug}>
            <Link href={path(doc.slug)} className="list-link">
              {doc.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
