import {readFileSync} from 'node:fs'
import path from 'node:path'

import {root} from './support/server'
import {SITE_URL} from './support/site'
import {expect, test} from './support/test'

/** Every route the production build the suite serves holds (Next writes the list at build). */
const builtRoutes = () =>
  Object.values(
    JSON.parse(readFileSync(path.join(root, '.next/app-path-routes-manifest.json'), 'utf8')) as Record<
      string,
      string
    >,
  )

test.describe('the production build', () => {
  test('holds the site’s routes and none of the benchmark’s', () => {
    const routes = builtRoutes()
    expect(routes).toEqual(expect.arrayContaining(['/glossary/[slug]', '/glossary', '/api/feedback']))
    expect(routes.filter((route) => route.startsWith('/bench'))).toEqual([])
  })

  test('answers the benchmark’s floor-page addresses with the site’s 404 page', async () => {
    for (const address of ['/bench/static', '/bench/cold/1', '/bench/isr']) {
      const response = await fetch(`${SITE_URL}${address}`)
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('<html')
    }
  })
})
