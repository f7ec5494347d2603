import {NextStudio} from 'next-sanity/studio'

import config from '../../../../sanity.config'
import {sanityProject} from '../../../../sanity/env'
import {StudioNotConfigured} from './studio-not-configured'

export const dynamic = 'force-static'

export {metadata, viewport} from 'next-sanity/studio'

export default function StudioPage() {
  if (!sanityProject) return <StudioNotConfigured />
  return <NextStudio config={config} />
}
