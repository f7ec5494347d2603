import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

import {BUILD_MARKER, FAKE_SECRETS} from './support/fake-secrets'
import {root} from './support/server'
import {SITE_URL} from './support/site'
import {expect, test} from './support/test'

const secrets = Object.entries(FAKE_SECRETS)

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(full)
    else yield full
  }
}

test.describe('secrets never reach the browser', () => {
  test('the build under test was made with the fake secrets', () => {
    expect(existsSync(path.join(root, '.next', BUILD_MARKER))).toBe(true)
  })

  test('no browser bundle contains a secret', () => {
    const files = [...filesUnder(path.join(root, '.next/static'))]
    expect(files.length).toBeGreaterThan(10)
    const leaks = files.flatMap((file) => {
      const text = readFileSync(file, 'latin1')
      return secrets
        .filter(([, value]) => text.includes(value))
        .map(([name]) => `${name} in ${path.relative(root, file)}`)
    })
    expect(leaks).toEqual([])
  })

  for (const address of [
    '/',
    '/glossary',
    '/glossary/backlink',
    '/authors/glossary-editorial-team',
    '/studio',
    '/no-such-page',
  ]) {
    test(`the HTML of ${address} contains no secret`, async () => {
      const html = await (await fetch(`${SITE_URL}${address}`)).text()
      expect(html.length).toBeGreaterThan(500)
      expect(secrets.filter(([, value]) => html.includes(value)).map(([name]) => name)).toEqual([])
    })
  }
})
