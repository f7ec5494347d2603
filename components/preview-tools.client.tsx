'use client'

import dynamic from 'next/dynamic'
import {useRouter} from 'next/navigation'
import {useCallback} from 'react'

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
  const router = useRouter()
  // The Presentation tool reports each change to a document on the page (at once and again a
  // second after the editor stops typing): the server renders the page again from the drafts,
  // which are never cached, so the edit shows without a reload.
  const refresh = useCallback(() => {
    router.refresh()
    return Promise.resolve()
  }, [router])
  return (
    <>
      <PreviewBanner />
      <VisualEditing refresh={refresh} />
    </>
  )
}
