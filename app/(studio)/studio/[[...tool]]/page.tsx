import type {Metadata} from 'next'
import {metadata as studioMetadata, NextStudio} from 'next-sanity/studio'

import {siteName} from '@/lib/site/urls'
import config from '@/sanity.config'
import {sanityProject} from '@/sanity/env'
import {StudioNotConfigured} from './studio-not-configured'

export const dynamic = 'force-static'

// The Studio sets the page title itself once it runs; the set-up page needs one of its own.
export const metadata: Metadata = {...studioMetadata, title: `Studio | ${siteName}`}

export {viewport} from 'next-sanity/studio'

export default function StudioPage() {
  if (!sanityProject) return <StudioNotConfigured />
  return <NextStudio config={config} />
}
