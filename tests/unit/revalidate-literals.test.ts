import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

import {REVALIDATE_SECONDS} from '@/lib/vocabulary'

/** Every route file under app/ and the number its `export const revalidate` gives, if any. */
function revalidateLiterals(dir: string): {file: string; value: string}[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .flatMap((file) => {
      const match = /^export const revalidate = (.+)$/m.exec(readFileSync(file, 'utf8'))
      return match ? [{file, value: match[1]!}] : []
    })
}

describe('time-based revalidation', () => {
  const routes = revalidateLiterals('app')

  it('is found in every public route that reads content', () => {
    expect(routes.map(({file}) => file)).toEqual(
      expect.arrayContaining([
        'app/(site)/glossary/[slug]/page.tsx',
        'app/(site)/glossary/page.tsx',
        'app/api/markdown/[slug]/route.ts',
        'app/feed.xml/route.ts',
        'app/sitemap.ts',
      ]),
    )
  })

  it.each(routes)('is REVALIDATE_SECONDS in $file', ({value}) => {
    expect(Number(value)).toBe(REVALIDATE_SECONDS)
  })
})
