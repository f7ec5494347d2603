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
      className="rounded-md px-2 py-1 text-sm font-medium text-blue-700 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:hover:bg-blue-950"
    >
      More…
    </button>
  )
}
