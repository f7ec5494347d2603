'use client'

import NextLink from 'next/link'
import {useState, type ComponentProps} from 'react'

type Props = Omit<ComponentProps<typeof NextLink>, 'prefetch' | 'onMouseEnter' | 'onFocus' | 'onTouchStart'>

/**
 * Every link of the site: Next's link, prefetching only once a reader shows they may follow it
 * (the pointer over it, keyboard focus, a touch), never just for being on screen.
 *
 * By default Next prefetches each link as it scrolls into view. A term page shows dozens of them,
 * and the header's link to the index would fetch the whole list of terms on every visit: that
 * work is what made the page's Total Blocking Time several times a bare page's. Following the
 * framework's own recipe (its prefetching guide, "hover-triggered prefetch"), the link turns
 * prefetching on at the first sign of intent, which still leaves a click a cached navigation.
 */
export function Link(props: Props) {
  const [intent, setIntent] = useState(false)
  const showIntent = () => setIntent(true)
  return (
    <NextLink
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={showIntent}
      onFocus={showIntent}
      onTouchStart={showIntent}
    />
  )
}
