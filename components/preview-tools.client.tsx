'use client'

import dynamic from 'next/dynamic'

/*
 * The editors' tools weigh about 225 kB gzipped (Sanity's visual editing, its messaging and state
 * machines). Imported statically they would be in every visitor's first load; loaded this way they
 * come only when the server renders this component, which it does in draft mode alone.
 */
const VisualEditing = dynamic(
  () => import('next-sanity/visual-editing').then((module) => module.VisualEditing),
  {
    ssr: false,
  },
)
const PreviewBanner = dynamic(
  () => import('./preview-banner.client').then((module) => module.PreviewBanner),
  {
    ssr: false,
  },
)

/** The draft-mode banner and Sanity's visual editing overlays, for an editor previewing drafts. */
export function PreviewTools() {
  return (
    <>
      <PreviewBanner />
      <VisualEditing />
    </>
  )
}
