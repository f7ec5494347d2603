import {axeViolations} from './support/browser'
import {getRaw} from './support/http'
import {SITE_URL} from './support/site'
import {expect, test} from './support/test'

test.describe('the Backlink term page in Chromium', () => {
  test('renders the title and the one-line definition', async ({page}) => {
    const response = await page.goto(`${SITE_URL}/glossary/backlink`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1')).toHaveText('Backlink')
    await expect(page.locator('h1 + p')).toHaveText(/link/i)
  })

  test('shows every part of the reference page, in its order', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary/backlink`)
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
      await expect(locator, selector).toBeAttached()
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
    await expect(page.locator('time[datetime="2026-03-25"]')).toHaveText('25 Mar 2026')
    await expect(page.locator('#quick-answer + p')).not.toBeEmpty()
    expect(await page.locator('#key-takeaways + ul > li').count()).toBeGreaterThanOrEqual(2)
    expect(
      await page.locator('#related-terms').locator('xpath=../..').locator('a[href^="/glossary/"]').count(),
    ).toBeGreaterThan(1)
    await expect(page.getByRole('link', {name: /Next: Link Building/})).toHaveAttribute(
      'href',
      '/glossary/link-building',
    )
    await expect(page.getByRole('button', {name: 'Yes, this was helpful'})).toBeVisible()
    await expect(page.getByRole('button', {name: 'No, this was not helpful'})).toBeVisible()
    await expect(page.locator('aside nav[aria-labelledby="toc-heading"]')).toBeVisible()
  })

  test('lists on the side every part the page shows, and only those', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary/backlink`)
    const contents = page.locator('nav[aria-labelledby="toc-heading"] a')
    const targets = await contents.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(targets.length).toBeGreaterThan(5)
    // Every entry leads to a heading on the page, and every section heading has its entry.
    for (const target of targets) await expect(page.locator(`h2${target}`)).toHaveCount(1)
    const headings = await page
      .locator('article section > h2[id], article section > div > h2[id]')
      .evaluateAll((elements) => elements.map((element) => `#${element.id}`))
    expect(headings.filter((id) => !['#quick-answer', '#key-takeaways'].includes(id))).toEqual(targets)
  })

  test('copies the page URL with the copy-link button', async ({page, context}) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: SITE_URL})
    await page.goto(`${SITE_URL}/glossary/backlink?utm_source=newsletter`)
    await page.getByRole('button', {name: 'Copy link', exact: true}).first().click()
    await expect(page.getByRole('status').filter({hasText: 'Copied'}).first()).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE_URL}/glossary/backlink`)
  })

  test('copies a section link and the section link scrolls to its heading', async ({page, context}) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: SITE_URL})
    await page.goto(`${SITE_URL}/glossary/backlink`)
    await page.getByRole('button', {name: 'Copy link to the section "Why It Matters"'}).click()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toBe(`${SITE_URL}/glossary/backlink#why-it-matters`)

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
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`in ${colorScheme} mode`, () => {
      test.use({colorScheme})

      test(`has no accessibility violations in ${colorScheme} mode (axe-core)`, async ({page}) => {
        await page.goto(`${SITE_URL}/glossary/backlink`)
        expect(await axeViolations(page)).toEqual([])
      })
    })
  }

  for (const width of [390, 1280]) {
    test.describe(`at ${width} px`, () => {
      test.use({viewport: {width, height: 900}})

      test(`renders without horizontal overflow at ${width} px and keeps a screenshot`, async ({page}) => {
        await page.goto(`${SITE_URL}/glossary/backlink`)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow).toBeLessThanOrEqual(0)
        await page.screenshot({path: test.info().outputPath(`backlink-${width}.png`), fullPage: true})
      })
    })
  }

  test('answers an unknown term with a helpful 404', async ({page}) => {
    const response = await page.goto(`${SITE_URL}/glossary/no-such-term`)
    expect(response?.status()).toBe(404)
    await expect(
      page.locator('main').getByRole('search').getByLabel('Search the glossary', {exact: true}),
    ).toBeVisible()
    expect(await page.locator('main a[href^="/glossary/"]').count()).toBeGreaterThan(2)
  })

  test('opens the author page from the byline', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary/backlink`)
    await page.locator('article header a[href^="/authors/"]').click()
    await page.waitForURL(/\/authors\//)
    await expect(page.locator('h1')).not.toBeEmpty()
    await expect(page.locator('main a[href="/glossary/backlink"]')).toHaveCount(1)
  })

  test('fetches no linked page until the reader points at a link, then follows it without a reload', async ({
    page,
  }) => {
    const fetched: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.searchParams.has('_rsc')) fetched.push(url.pathname)
    })
    await page.goto(`${SITE_URL}/glossary/backlink`, {waitUntil: 'networkidle'})
    // Dozens of links are on screen, the header's link to the whole index among them.
    expect(await page.locator('a[href^="/glossary"]').count()).toBeGreaterThan(20)
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
    expect(await page.evaluate(() => 'stillTheSameDocument' in window)).toBe(true)
  })

  test('prefetches a link a keyboard user tabs to', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary/backlink`, {waitUntil: 'networkidle'})
    const prefetched = page.waitForRequest((request) => isPayloadFor(request.url(), '/glossary'))
    await page.locator('header a[href="/glossary"]').focus()
    await prefetched
  })
})

test.describe('links that never break', () => {
  for (const [what, path] of [
    ['an alias', '/glossary/inbound-link'],
    ['another alias', '/glossary/external-backlink'],
    ['a previous slug', '/glossary/backlinks'],
  ]) {
    test(`redirects ${what} permanently to its term`, async () => {
      const response = await getRaw(`${SITE_URL}${path}`)
      expect(response.status).toBe(308)
      expect(response.location).toBe('/glossary/backlink')
    })
  }

  test('lands a reader who follows an alias URL on the term', async ({page}) => {
    const response = await page.goto(`${SITE_URL}/glossary/incoming-link`)
    expect(response?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/glossary/backlink')
    await expect(page.locator('h1')).toHaveText('Backlink')
  })

  test('answers an unknown URL outside the glossary with the site’s own 404', async () => {
    const response = await fetch(`${SITE_URL}/no-such-page`)
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
