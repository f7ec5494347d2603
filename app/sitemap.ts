import type {MetadataRoute} from 'next'

import {listPublishedPages} from '@/lib/content'
import {sitemapEntries} from '@/lib/sitemap'

// Segment config must be a literal; keep in step with REVALIDATE_SECONDS.
export const revalidate = 3600

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await listPublishedPages())
}
