import {
  PortableText as PortableTextRenderer,
  type PortableTextBlock,
  type PortableTextComponents,
} from '@portabletext/react'

import {Link} from '@/components/link.client'
import {imageSource} from '@/lib/content/images'
import {safeHref} from '@/lib/text/safe-url'
import {guidePath, termPath} from '@/lib/site/urls'
import type {Difficulty} from '@/lib/vocabulary'

import {TermLink} from './term-link'

type LinkTarget = {
  _type: 'term' | 'guide'
  title?: string | null
  slug: string | null
  shortDefinition?: string | null
  difficulty?: Difficulty | null
  externalUrl?: string | null
} | null

/** Where an internal link points now: the target's current slug, or nowhere if it is gone. */
function internalHref(target: LinkTarget): {href: string; external: boolean} | null {
  if (!target?.slug) return null
  if (target._type === 'term') return {href: termPath(target.slug), external: false}
  const external = safeHref(target.externalUrl)
  return external ? {href: external, external: true} : {href: guidePath(target.slug), external: false}
}

type HeadingLevel = 2 | 3

/**
 * The rich-text "Heading" and "Subheading" styles sit one level under the page's own sections:
 * h3/h4 inside a term's h2 sections, h2/h3 in a guide whose only heading above is the h1.
 */
function blocksFor(level: HeadingLevel): PortableTextComponents['block'] {
  const Heading = `h${level}` as const
  const Subheading = `h${level + 1}` as 'h3' | 'h4'
  return {
    h3: ({children}) => <Heading>{children}</Heading>,
    h4: ({children}) => <Subheading>{children}</Subheading>,
  }
}

const shared: PortableTextComponents = {
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
      const target: LinkTarget = value?.target ?? null
      const link = internalHref(target)
      if (!link) return <>{children}</>
      if (target?._type === 'term' && target.title && target.shortDefinition && target.difficulty) {
        return (
          <TermLink
            href={link.href}
            title={target.title}
            shortDefinition={target.shortDefinition}
            difficulty={target.difficulty}
          >
            {children}
          </TermLink>
        )
      }
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
          {/* Sanity's CDN already resizes and converts; next/image would add client JS to every term page. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
          <img
            src={image.src}
            srcSet={image.srcSet}
            width={image.width}
            height={image.height}
            alt={value.alt}
            sizes="(min-width: 768px) 720px, 100vw"
            loading="lazy"
            decoding="async"
          />
          {value.caption && <figcaption>{value.caption}</figcaption>}
        </figure>
      )
    },
  },
}

const componentsByLevel: Record<HeadingLevel, PortableTextComponents> = {
  2: {...shared, block: blocksFor(2)},
  3: {...shared, block: blocksFor(3)},
}

type Props = {
  value: PortableTextBlock[] | unknown[] | null | undefined
  /** The level the rich text's own headings start at. */
  headingLevel?: HeadingLevel
}

export function PortableText({value, headingLevel = 3}: Props) {
  if (!value?.length) return null
  return (
    <PortableTextRenderer value={value as PortableTextBlock[]} components={componentsByLevel[headingLevel]} />
  )
}

export function hasContent(value: unknown[] | null | undefined): boolean {
  return Boolean(value?.length)
}
