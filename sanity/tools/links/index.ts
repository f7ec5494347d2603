import {LinkIcon} from '@sanity/icons/Link'
import type {Tool} from 'sanity'

import {LinksTool} from './links-tool'

/** The "Links" tool in the Studio's top bar: the same link report as `npm run links:report`. */
export const linksTool: Tool = {
  name: 'links',
  title: 'Links',
  icon: LinkIcon,
  component: LinksTool,
}
