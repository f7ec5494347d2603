import {serializeJsonLd, type JsonLdNode} from '@/lib/seo/structured-data'

/** Structured data for search engines, as a JSON-LD script in the page. */
export function JsonLd({data}: {data: JsonLdNode}) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{__html: serializeJsonLd(data)}} />
}
