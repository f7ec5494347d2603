import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import type {Page} from '@playwright/test'

import {axeViolations} from './support/browser'
import {SITE_URL} from './support/site'
import {expect, test} from './support/test'

const GUIDE = '/guides/link-building-playbook'

/** The preview card a term link describes itself with. */
async function cardOf(page: Page, linkName: string) {
  const link = page.getByRole('link', {name: linkName, exact: true}).first()
  const cardId = await link.getAttribute('aria-describedby')
  expect(cardId).toBeTruthy()
  return {link, card: page.locator(`[id="${cardId}"]`)}
}

/** Tabs through the page until the link has keyboard focus. */
async function tabTo(page: Page, href: string) {
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((target) => document.activeElement?.getAttribute('href') === target, href)) return
  }
  throw new Error(`Tab never reached the link to ${href}`)
}

test.describe('guides in Chromium', () => {
  test('lists guides written here and external guides, marked and opened safely', async ({page}) => {
    const response = await page.goto(`${SITE_URL}/guides`)
    expect(response?.status()).toBe(200)
    await expect(page.locator(`main a[href="${GUIDE}"]`)).toHaveCount(1)
    const external = page.locator('#external-guides').locator('xpath=..').locator('a[href^="https://"]')
    await expect(external).toHaveCount(5)
    for (const link of await external.all()) {
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
      await expect(link).toHaveAttribute('target', '_blank')
      await expect(link).toContainText('(external site, opens in a new tab)')
    }
    await expect(page.getByText(/^External · /)).toHaveCount(5)
  })

  test('shows a guide with its author, updated date, body and the terms it links to', async ({page}) => {
    const response = await page.goto(`${SITE_URL}${GUIDE}`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1')).toHaveText(/Link Building Playbook/)
    await expect(page.locator('time[datetime="2026-06-18"]')).toHaveText('18 Jun 2026')
    await expect(page.locator('article header a[href^="/authors/"]')).toHaveCount(1)
    expect(await page.locator('.rich-text h2').count()).toBeGreaterThan(0)
    const terms = page.locator('section[aria-labelledby="terms-in-this-guide"] a')
    expect(await terms.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/glossary/anchor-text',
      '/glossary/backlink',
      '/glossary/broken-link',
      '/glossary/domain-authority',
      '/glossary/link-building',
    ])
  })

  test('shows a term link’s preview card on hover, without moving anything', async ({page}) => {
    await page.goto(`${SITE_URL}${GUIDE}`)
    const {link, card} = await cardOf(page, 'backlinks')
    await expect(link).toHaveAttribute('href', '/glossary/backlink')
    await expect(card).toBeHidden()
    const layout = () =>
      page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        nextHeading: document.querySelector('.rich-text h2')!.getBoundingClientRect().top + window.scrollY,
      }))
    const before = await layout()

    await link.hover()
    await card.waitFor({state: 'visible'})
    await expect(card).toHaveText(/^Backlink.*Difficulty: Beginner$/)
    expect(await layout()).toEqual(before)
    // The pointer can move from the link onto the card without it closing.
    await card.hover()
    await expect(card).toBeVisible()

    await page.mouse.move(5, 5)
    await card.waitFor({state: 'hidden'})
  })

  test.describe('at 320 px', () => {
    test.use({viewport: {width: 320, height: 700}})

    test('shows the preview card on keyboard focus, inside a 320 px screen', async ({page}) => {
      await page.goto(`${SITE_URL}${GUIDE}`)
      const {card} = await cardOf(page, 'backlinks')
      await tabTo(page, '/glossary/backlink')
      await card.waitFor({state: 'visible'})
      const box = (await card.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(320)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow).toBeLessThanOrEqual(0)
      await page.keyboard.press('Tab')
      await card.waitFor({state: 'hidden'})
    })
  })

  test('shows preview cards for term links in a term page’s text too', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary/backlink`)
    const {link, card} = await cardOf(page, 'anchor text')
    await link.hover()
    await card.waitFor({state: 'visible'})
    await expect(card).toHaveText(/^Anchor Text/)
  })

  test('has no accessibility violations on a guide page, with a preview card open too (axe-core)', async ({
    page,
  }) => {
    await page.goto(`${SITE_URL}${GUIDE}`)
    expect(await axeViolations(page)).toEqual([])
    const {link, card} = await cardOf(page, 'backlinks')
    await link.focus()
    await card.waitFor({state: 'visible'})
    expect(await axeViolations(page)).toEqual([])
  })

  test('has no page for an external guide', async () => {
    const response = await fetch(`${SITE_URL}/guides/google-seo-starter-guide`, {redirect: 'manual'})
    expect(response.status).toBe(404)
  })
})

test.describe('backlinks and citations on the term page', () => {
  test('lists the guides and terms that link to the term, after Related Terms and in the contents', async ({
    page,
  }) => {
    await page.goto(`${SITE_URL}/glossary/backlink`)
    const section = page.locator('section[aria-labelledby="referenced-by"]')
    await expect(section.locator(`a[href="${GUIDE}"]`)).toHaveCount(1)
    await expect(section.locator('a[href="/glossary/link-building"]')).toHaveCount(1)
    const follows = await page.evaluate(
      () =>
        !!(
          document
            .getElementById('related-terms')!
            .compareDocumentPosition(document.getElementById('referenced-by')!) &
          Node.DOCUMENT_POSITION_FOLLOWING
        ),
    )
    expect(follows).toBe(true)
    await page.locator('aside').getByRole('link', {name: 'Referenced By'}).click()
    await page.waitForFunction(() => location.hash === '#referenced-by')
  })

  test('copies the citation with the copy button', async ({page, context}) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: SITE_URL})
    await page.goto(`${SITE_URL}/glossary/backlink`)
    const citation = await page.locator('section[aria-labelledby="cite-this-term"] blockquote').textContent()
    expect(citation).toMatch(
      /^“Backlink\.” Search Glossary\. Updated 25 Mar 2026\. https?:\/\/\S+\/glossary\/backlink$/,
    )
    await page.getByRole('button', {name: 'Copy citation'}).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation)
  })
})

test.describe('embedding and the JSON endpoint', () => {
  /** Another origin, as a site that embeds our card would be. */
  let thirdParty: Server
  let thirdPartyUrl: string

  test.beforeAll(async () => {
    thirdParty = createServer((request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8')
      response.end(`<!doctype html>
<html lang="en"><head><title>A blog post</title></head><body>
<h1>A blog post that embeds a definition</h1>
<iframe id="card" title="Backlink definition" src="${SITE_URL}/embed/glossary/backlink" width="400" height="240"></iframe>
<iframe id="page" title="The whole term page" src="${SITE_URL}/glossary/backlink" width="400" height="240"></iframe>
</body></html>`)
    })
    await new Promise<void>((resolve) => thirdParty.listen(0, '127.0.0.1', resolve))
    thirdPartyUrl = `http://127.0.0.1:${(thirdParty.address() as AddressInfo).port}/`
  })

  test.afterAll(async () => {
    await new Promise((resolve) => thirdParty?.close(resolve))
  })

  /** The framing directive of the response's Content-Security-Policy. */
  const frameAncestors = (response: Response) =>
    (response.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('frame-ancestors'))

  test('lets only the embed route be framed, by any site', async () => {
    const embed = await fetch(`${SITE_URL}/embed/glossary/backlink`)
    expect(embed.status).toBe(200)
    expect(frameAncestors(embed)).toBe('frame-ancestors *')
    expect(embed.headers.get('x-frame-options')).toBeNull()

    for (const path of [
      '/',
      '/glossary',
      '/glossary/backlink',
      '/guides',
      GUIDE,
      '/authors/glossary-editorial-team',
      '/api/terms/backlink',
      '/studio',
      '/embedded',
      '/no-such-page',
    ]) {
      const response = await fetch(`${SITE_URL}${path}`, {redirect: 'manual'})
      expect([path, response.headers.get('x-frame-options')]).toEqual([path, 'DENY'])
      expect([path, frameAncestors(response)]).toEqual([path, "frame-ancestors 'none'"])
    }
  })

  test('renders the card inside an iframe on another site, and refuses to frame the term page', async ({
    page,
  }) => {
    const blocked: string[] = []
    page.on('console', (message) => {
      if (message.text().includes("frame-ancestors 'none'")) blocked.push(message.text())
    })
    await page.goto(thirdPartyUrl)

    const card = page.locator('#card').contentFrame()
    await expect(card.locator('h1')).toHaveText('Backlink')
    await expect(card.locator('p').nth(1)).toHaveText(/link/i)
    await expect(card.locator('header, nav[aria-label="Site"]')).toHaveCount(0)
    const readMore = card.getByRole('link', {name: /Read more/})
    await expect(readMore).toHaveAttribute('href', /^https?:\/\/\S+\/glossary\/backlink$/)
    await expect(readMore).toHaveAttribute('target', '_blank')
    await expect(readMore).toHaveAttribute('rel', 'noopener')

    // Chromium replaces a frame it refuses to render with its own error page.
    const framedPage = (await (await page.locator('#page').elementHandle())!.contentFrame())!
    await expect
      .poll(() => framedPage.url(), {message: 'the term page is refused in a frame', timeout: 10_000})
      .toMatch(/^chrome-error:\/\//)
    await expect(framedPage.locator('h1', {hasText: 'Backlink'})).toHaveCount(0)
    expect(blocked.length).toBeGreaterThan(0)
  })

  test('answers the JSON endpoint to a script on another site (CORS)', async ({page}) => {
    await page.goto(thirdPartyUrl)
    const answers = await page.evaluate(async (api) => {
      const found = await fetch(`${api}/api/terms/backlink`)
      const missing = await fetch(`${api}/api/terms/no-such-term`)
      return {found: [found.status, await found.json()], missing: [missing.status, await missing.json()]}
    }, SITE_URL)
    expect(answers.found).toEqual([
      200,
      {
        title: 'Backlink',
        shortDefinition: expect.any(String),
        aliases: ['inbound link', 'incoming link', 'external backlink'],
        url: expect.stringMatching(/^https?:\/\/\S+\/glossary\/backlink$/),
        updated: '2026-03-25',
      },
    ])
    expect(answers.missing).toEqual([404, {error: expect.any(String)}])
  })

  test('serves the JSON endpoint with cache and CORS headers, 400 for a malformed slug, 405 for writes', async () => {
    const found = await fetch(`${SITE_URL}/api/terms/backlink`)
    expect(found.status).toBe(200)
    expect(found.headers.get('cache-control')).toBe('public, s-maxage=3600, stale-while-revalidate=86400')
    expect(found.headers.get('access-control-allow-origin')).toBe('*')

    const malformed = await fetch(`${SITE_URL}/api/terms/Not%20A%20Slug`)
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toEqual({error: expect.any(String)})

    const preflight = await fetch(`${SITE_URL}/api/terms/backlink`, {
      method: 'OPTIONS',
      headers: {Origin: 'https://example.com', 'Access-Control-Request-Method': 'GET'},
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')

    const write = await fetch(`${SITE_URL}/api/terms/backlink`, {method: 'POST', body: '{}'})
    expect(write.status).toBe(405)
    expect(await write.json()).toEqual({error: expect.any(String)})
  })
})
