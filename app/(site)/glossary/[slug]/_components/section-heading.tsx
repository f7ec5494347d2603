import {CopyLinkButton} from '@/components/copy-link-button.client'
import {termPath} from '@/lib/site/urls'

/** An h2 with a stable anchor and a control that copies a deep link to it. */
export function SectionHeading({id, slug, children}: {id: string; slug: string; children: string}) {
  return (
    <div className="not-prose section-heading">
      <h2 id={id} className="section-title">
        {children}
      </h2>
      <CopyLinkButton
        path={`${termPath(slug)}#${id}`}
        label={`Copy link to the section "${children}"`}
        className="section-anchor"
      >
        <span aria-hidden="true">#</span>
      </CopyLinkButton>
    </div>
  )
}
