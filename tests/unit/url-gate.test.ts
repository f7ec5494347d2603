import {isPublishedName} from '@/lib/content/page-names'
import {gate} from '@/lib/site/url-gate'

/** The URL gate over the real embedded dataset: what passes to the pages, what is answered at the door. */
describe('URL gate', () => {
  const verdict = (pathname: string) => gate(pathname, isPublishedName)

  it.each([
    '/glossary/backlink',
    '/glossary/Backlink',
    '/glossary/inbound-link',
    '/glossary/backlinks',
    '/glossary/backlink.md',
    '/glossary/inbound-link.md',
    '/glossary/backlink/opengraph-image-1srw27',
    '/glossary/category/links-authority',
    '/glossary/letter/b',
    '/glossary/letter/other',
    '/guides/link-building-playbook',
    '/authors/glossary-editorial-team',
    '/embed/glossary/backlink',
    '/api/terms/backlink',
    '/api/markdown/backlink',
    '/glossary',
    '/glossary/',
    '/about',
    '/api/terms/Not%20A%20Slug',
  ])('lets %s through to its page', async (pathname) => {
    await expect(verdict(pathname)).resolves.toEqual({kind: 'pass'})
  })

  it.each([
    ['/glossary/made-up-term', 'page', 'made-up-term'],
    ['/glossary/Made-Up-Term', 'page', 'made-up-term'],
    ['/glossary/made-up-term/opengraph-image-1srw27', 'page', 'made-up-term'],
    ['/glossary/made-up-term.md', 'json', 'made-up-term'],
    ['/glossary/category/made-up', 'page', 'made-up'],
    ['/glossary/category/backlink', 'page', 'backlink'],
    ['/glossary/letter/zz', 'page', 'zz'],
    ['/guides/backlink', 'page', 'backlink'],
    ['/authors/made-up', 'page', 'made-up'],
    ['/embed/glossary/made-up', 'page', 'made-up'],
    ['/embed/glossary/<script>', 'page', '<script>'],
    ['/api/terms/made-up', 'json', 'made-up'],
    ['/api/markdown/made-up', 'json', 'made-up'],
    ['/glossary/' + 'a'.repeat(97), 'page', 'a'.repeat(97)],
    ['/glossary/back%20link', 'page', 'back link'],
  ])('answers %s as missing (%s)', async (pathname, answer, segment) => {
    await expect(verdict(pathname)).resolves.toEqual({kind: 'missing', answer, segment})
  })

  it.each([
    '/glossary/%E0%A4%A',
    '/glossary/%',
    '/guides/%ZZ',
    '/glossary/a%00b',
    '/authors/%0d%0aSet-Cookie',
  ])('calls %s malformed', async (pathname) => {
    await expect(verdict(pathname)).resolves.toEqual({kind: 'malformed'})
  })
})
