import {
  PortableText as PortableTextRenderer,
  type PortableTextBlock,
  type PortableTextComponents,
} from '@portabletext/react'
import Image from 'next/image'
import Link from 'next/link'

import {imageSource} from '@/lib/images'
import {safeHref} from '@/lib/safe-url'
import {guidePath, termPath} from '@/lib/site'

type LinkTarget = {_type: 'term' | 'guide'; slug: string | null; externalUrl?: string | null} | null

/** Where an internal link points now: the target's current slug, or nowhere if it is gone. */
function internalHref(target: LinkTarget): {href: string; external: boolean} | null {
  if (!target?.slug) return null
  if (target._type === 'term') return {href: termPath(target.slug), external: false}
  const external = safeHref(target.externalUrl)
  return external ? {href: external, external: true} : {href: guidePath(target.slug), external: false}
}

const components: PortableTextComponents = {
  block: {
    h3: ({children}) => <h3>{children}</h3>,
    h4: ({children}) => <h4>{children}</h4>,
    blockquote: ({children}) => <blockquote>{children}</blockquote>,
  },
  marks: {
    link: ({value, children}) => {
      const href = safeHref(value?.href)
      if (!href) return <>{children}</>
      return (
        <a href={href} rel="noopener noreferrer" target={href.startsWith('mailto:') ? undefined : '_blank'}>
          {children}
          {!href.startsWith('mailto:') && <span className="sr-only"> (opens in a new tab)</span>}
        </a>
      )
    },
    internalLink: ({value, children}) => {
      const link = internalHref(value?.target ?? null)
      if (!link) return <>{children}</>
      return link.external ? (
        <a href={link.href} rel="noopener noreferrer" target="_blank">
          {children}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        <Link href={link.href}>{children}</Link>
      )
    },
  },
  types: {
    callout: ({value}) => (
      <aside
        role="note"
        className={`not-prose my-6 rounded-lg border-l-4 p-4 text-sm leading-relaxed ${
          value?.tone === 'warning'
            ? 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100'
            : 'border-blue-600 bg-blue-50 text-blue-950 dark:bg-blue-950/40 dark:text-blue-100'
        }`}
      >
        <strong className="mr-1">{value?.tone === 'warning' ? 'Watch out:' : 'Tip:'}</strong>
        {value?.text}
      </aside>
    ),
    codeBlock: ({value}) => (
      <pre>
        <code data-language={value?.language}>{value?.code}</code>
      </pre>
    ),
    image: ({value}) => {
      const image = imageSource(value, 800)
      if (!image || !value?.alt) return null
      return (
        <figure>
          <Image
            src={image.src}
            width={image.width}
            height={image.height}
            alt={value.alt}
            sizes="(min-width: 768px) 720px, 100vw"
          />
          {value.caption && <figcaption>{value.caption}</figcaption>}
        </figure>
      )
    },
  },
}

export function PortableText({value}: {value: PortableTextBlock[] | unknown[] | null | undefined}) {
  if (!value?.length) return null
  return <PortableTextRenderer value={value as PortableTextBlock[]} components={components} />
}

export function hasContent(value: unknown[] | null | undefined): boolean {
  return Boolean(value?.length)
}
