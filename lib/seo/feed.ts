import type {RecentTerm} from '@/lib/content'

import {absoluteUrl, siteName, termPath} from '@/lib/site/urls'

/** Escapes text for XML character data and attribute values. */
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Editorial dates are calendar dates; Atom wants a full RFC 3339 timestamp. */
const timestamp = (date: string) => `${date.slice(0, 10)}T00:00:00Z`

/** An Atom 1.0 feed of recently reviewed terms (RFC 4287), newest first. */
export function termsAtomFeed(terms: readonly RecentTerm[]): string {
  const feedUrl = absoluteUrl('/feed.xml')
  const updated = terms.reduce(
    (latest, term) => (term.updated > latest ? term.updated : latest),
    '1970-01-01',
  )
  const entries = terms.map((term) => {
    const url = absoluteUrl(termPath(term.slug))
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(term.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <updated>${timestamp(term.updated)}</updated>
    <author><name>${escapeXml(term.author ?? siteName)}</name></author>
${term.category ? `    <category term="${escapeXml(term.category)}"/>\n` : ''}    <summary>${escapeXml(term.shortDefinition)}</summary>
    <content type="text">${escapeXml(term.quickAnswer)}</content>
  </entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(feedUrl)}</id>
  <title>${escapeXml(`${siteName}: recently updated terms`)}</title>
  <subtitle>Definitions of search and SEO terms, newest reviews first.</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl('/glossary'))}"/>
  <updated>${timestamp(updated)}</updated>
  <author><name>${escapeXml(siteName)}</name></author>
${entries.join('\n')}
</feed>
`
}
