import {mkdirSync} from 'node:fs'
import path from 'node:path'

import type {Browser} from 'playwright-core'

import {axeViolations, launchBrowser, resultsDir, withPage} from './support/browser'
import {getRaw} from './support/http'

const base = () => process.env.E2E_BASE_URL!

describe('the Backlink term page in Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('renders the title and the one-line definition', () =>
    withPage(browser, 'term-title', async (page) => {
      const response = await page.goto(`${base()}/glossary/backlink`)
      expect(response?.status()).toBe(200)
      await expect(page.locator('h1').textContent()).resolves.toBe('Backlink')
      await expect(page.locator('h1 + p').textContent()).resolves.toMatch(/link/i)
    }))

  it('shows every part of the reference page, in its order', () =>
    withPage(browser, 'term-parts-in-order', async (page) => {
      await page.goto(`${base()}/glossary/backlink`)
      const parts = [
        'nav[aria-label="Breadcrumb"]',
        'h1',
        'text=Also known as: inbound link, incoming link, external backlink',
        'article header >> text=Beginner',
        'article header >> text=/\\d+ min read/',
        'time[datetime="2026-03-25"]',
        'article header a[href^="/authors/"]',
        '#share-top-heading',
        '#quick-answer',
        '#key-takeaways',
        'text=Want the full breakdown?',
        '#what-it-means',
        '#why-it-matters',
        '#example-in-practice',
        '#what-it-is-not',
        '#related-terms',
        '#referenced-by',
        '#deeper-guides',
        '#when-it-matters',
        '#share-bottom-heading',
        '#cite-this-term',
        '#feedback',
      ]
      const handles = []
      for (const selector of parts) {
        const locator = page.locator(selector).first()
        await expect(locator.count()).resolves.toBeGreaterThan(0)
        handles.push(await locator.elementHandle())
      }
      const inOrder = await page.evaluate(
        (elements) =>
          elements.every(
            (element, index) =>
              index === 0 ||
              Boolean(
                elements[index - 1]!.compareDocumentPosition(element!) & Node.DOCUMENT_POSITION_FOLLOWING,
              ),
          ),
        handles,
      )
      expect(inOrder).toBe(true)
      await expect(page.locator('time[datetime="2026-03-25"]').textContent()).resolves.toBe('25 Mar 2026')
      await expect(page.locator('#quick-answer + p').textContent()).resolves.not.toBe('')
      await expect(page.locator('#key-takeaways + ul > li').count()).resolves.toBeGreaterThanOrEqual(2)
      await expect(
        page.locator('#related-terms').locator('xpath=../..').locator('a[href^="/glossary/"]').count(),
      ).resolves.toBeGreaterThan(1)
      await expect(page.getByRole('link', {name: /Next: Link Building/}).getAttribute('href')).resolves.toBe(
        '/glossary/link-building',
      )
      await expect(page.getByRole('button', {name: 'Yes, this was helpful'}).isVisible()).resolves.toBe(true)
      await expect(page.getByRole('button', {name: 'No, this was not helpful'}).isVisible()).resolves.toBe(
        true,
      )
      await expect(page.locator('aside nav[aria-labelledby="toc-heading"]').isVisible()).resolves.toBe(true)
    }))

  it('lists on the side every part the page shows, and only those', () =>
    withPage(browser, 'term-contents', async (page) => {
      await page.setViewportSize({width: 1280, height: 900})
      await page.goto(`${base()}/glossary/backlink`)
      const contents = page.locator('nav[aria-labelledby="toc-heading"] a')
      const targets = await contents.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
      expect(targets.length).toBeGreaterThan(5)
      // Every entry leads to a heading on the page, and every section heading has its entry.
      for (const target of targets) await expect(page.locator(`h2${target}`).count()).resolves.toBe(1)
      const headings = await page
        .locator('article section > h2[id], article section > div > h2[id]')
        .evaluateAll((elements) => elements.map((element) => `#${element.id}`))
      expect(headings.filter((id) => !['#quick-answer', '#key-takeaways'].includes(id))).toEqual(targets)
    }))

  it('copies the page URL with the copy-link button', () =>
    withPage(browser, 'copy-link', async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: base()})
      await page.goto(`${base()}/glossary/backlink?utm_source=newsletter`)
      await page.getByRole('button', {name: 'Copy link', exact: true}).first().click()
      await expect(page.getByRole('status').filter({hasText: 'Copied'}).first().isVisible()).resolves.toBe(
        true,
      )
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
        `${base()}/glossary/backlink`,
      )
    }))

  it('copies a section link and the section link scrolls to its heading', () =>
    withPage(browser, 'section-link', async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: base()})
      await page.goto(`${base()}/glossary/backlink`)
      await page.getByRole('button', {name: 'Copy link to the section "Why It Matters"'}).click()
      const link = await page.evaluate(() => navigator.clipboard.readText())
      expect(link).toBe(`${base()}/glossary/backlink#why-it-matters`)

      await page.goto(link)
      await page.waitForFunction(() => {
        const top = document.getElementById('why-it-matters')!.getBoundingClientRect().top
        return top >= 0 && top < 200
      })
      await page.locator('aside').getByRole('link', {name: 'What It Is Not'}).click()
      await page.waitForFunction(() => {
        const top = document.getElementById('what-it-is-not')!.getBoundingClientRect().top
        return location.hash === '#what-it-is-not' && top >= 0 && top < 200
      })
    }))

  it.each(['light', 'dark'] as const)(
    'has no accessibility violations in %s mode (axe-core)',
    (colorScheme) =>
      withPage(
        browser,
        `axe-${colorScheme}`,
        async (page) => {
          await page.goto(`${base()}/glossary/backlink`)
          expect(await axeViolations(page)).toEqual([])
        },
        {colorScheme},
      ),
  )

  it.each([390, 1280])('renders without horizontal overflow at %i px and keeps a screenshot', (width) =>
    withPage(
      browser,
      `screenshot-${width}`,
      async (page) => {
        await page.goto(`${base()}/glossary/backlink`)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow).toBeLessThanOrEqual(0)
        mkdirSync(resultsDir, {recursive: true})
        await page.screenshot({path: path.join(resultsDir, `backlink-${width}.png`), fullPage: true})
      },
      {viewport: {width, height: 900}},
    ),
  )

  it('answers an unknown term with a helpful 404', () =>
    withPage(browser, 'not-found', async (page) => {
      const response = await page.goto(`${base()}/glossary/no-such-term`)
      expect(response?.status()).toBe(404)
      await page
        .locator('main')
        .getByRole('search')
        .getByLabel('Search the glossary', {exact: true})
        .waitFor()
      await expect(page.locator('main a[href^="/glossary/"]').count()).resolves.toBeGreaterThan(2)
    }))

  it('opens the author page from the byline', () =>
    withPage(browser, 'author-page', async (page) => {
      await page.goto(`${base()}/glossary/backlink`)
      await page.locator('article header a[href^="/authors/"]').click()
      await page.waitForURL(/\/authors\//)
      await expect(page.locator('h1').textContent()).resolves.not.toBe('')
      await expect(page.locator('main a[href="/glossary/backlink"]').count()).resolves.toBe(1)
    }))

  it('fetches no linked page until the reader points at a link, then follows it without a reload', () =>
    withPage(browser, 'prefetch-on-intent', async (page) => {
      const fetched: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.searchParams.has('_rsc')) fetched.push(url.pathname)
      })
      await page.goto(`${base()}/glossary/backlink`, {waitUntil: 'networkidle'})
      // Dozens of links are on screen, the header's link to the whole index among them.
      await expect(page.locator('a[href^="/glossary"]').count()).resolves.toBeGreaterThan(20)
      expect(fetched).toEqual([])

      const related = page.locator('#related-terms').locator('xpath=../..').locator('a.term-card').first()
      const target = (await related.getAttribute('href'))!
      const prefetched = page.waitForRequest((request) => isPayloadFor(request.url(), target))
      await related.hover()
      await prefetched
      expect(new Set(fetched)).toEqual(new Set([target]))

      // A client-side navigation keeps the page's window: a full reload would lose this marker.
      await page.evaluate(() => Object.assign(window, {stillTheSameDocument: true}))
      await related.click()
      await page.waitForURL(`**${target}`)
      await expect(page.evaluate(() => 'stillTheSameDocument' in window)).resolves.toBe(true)
    }))

  it('prefetches a link a keyboard user tabs to', () =>
    withPage(browser, 'prefetch-on-focus', async (page) => {
      await page.goto(`${base()}/glossary/backlink`, {waitUntil: 'networkidle'})
      const prefetched = page.waitForRequest((request) => isPayloadFor(request.url(), '/glossary'))
      await page.locator('header a[href="/glossary"]').focus()
      await prefetched
    }))
})

describe('links that never break', () => {
  it.each([
    ['an alias', '/glossary/inbound-link'],
    ['another alias', '/glossary/external-backlink'],
    ['a previous slug', '/glossary/backlinks'],
  ])('redirects %s permanently to its term', async (_, path) => {
    const response = await getRaw(`${base()}${path}`)
    expect(response.status).toBe(308)
    expect(response.location).toBe('/glossary/backlink')
  })

  it('lands a reader who follows an alias URL on the term', async () => {
    const browser = await launchBrowser()
    try {
      await withPage(browser, 'alias-url', async (page) => {
        const response = await page.goto(`${base()}/glossary/incoming-link`)
        expect(response?.status()).toBe(200)
        expect(new URL(page.url()).pathname).toBe('/glossary/backlink')
        await expect(page.locator('h1').textContent()).resolves.toBe('Backlink')
      })
    } finally {
      await browser.close()
    }
  })

  it('answers an unknown URL outside the glossary with the site’s own 404', async () => {
    const response = await fetch(`${base()}/no-such-page`)
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('We couldn’t find that page')
    expect(html).toContain('Search the glossary')
  })
})

/** Whether a request fetches a page's React Server Component payload, as a prefetch or navigation does. */
function isPayloadFor(requestUrl: string, pathname: string) {
  const url = new URL(requestUrl)
  return url.pathname === pathname && url.searchParams.has('_rsc')
}
