'use client'

import {useSyncExternalStore} from 'react'

const subscribeNever = () => () => {}

/** The browser's own share sheet, offered only where the browser has one. */
export function NativeShareButton({title, text, path}: {title: string; text: string; path: string}) {
  const canShare = useSyncExternalStore(
    subscribeNever,
    () => typeof navigator.share === 'function',
    () => false,
  )
  if (!canShare) return null
  return (
    <button
      type="button"
      onClick={() =>
        navigator.share({title, text, url: new URL(path, window.location.origin).href}).catch(() => {
          // The reader closed the sheet: nothing to do.
        })
      }
      className="share-link"
    >
      More…
    </button>
  )
}
