import type {MetadataRoute} from 'next'

import {listPublishedPages} from '@/lib/content'
import {sitemapEntries} from '@/lib/seo/sitemap'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await listPublishedPages())
}
