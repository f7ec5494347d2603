import type {MetadataRoute} from 'next'

import {absoluteUrl} from '@/lib/site/urls'

export default function robots(): MetadataRoute.Robots {
  return {
    // The Studio is for editors and the API answers the site's own scripts; neither is for search.
    rules: {userAgent: '*', allow: '/', disallow: ['/studio', '/api/']},
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
