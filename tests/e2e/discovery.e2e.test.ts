import type {Browser, Locator, Page} from 'playwright-core'

import {siteUrl} from '@/lib/site/urls'

import {axeViolations, launchBrowser, withPage} from './support/browser'
import {getRaw} from './support/http'

const base = () => process.env.E2E_BASE_URL!

/**
 * The header's search box, once the page has hydrated: only then does the plain search field
 * become a combobox that suggests terms.
 */
async function headerSearch(page: Page): Promise<Locator> {
  const box = page.locator('header').getByRole('combobox', {name: 'Search the glossary'})
  await box.waitFor()
  return box
}

describe('finding terms in Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('finds Backlink from the header search box: type "inbound", arrow down, Enter', () =>
    withPage(browser, 'header-search', async (page) => {
      await page.goto(`${base()}/`)
      const header = page.locator('header')
      const box = await headerSearch(page)
      await box.click()
      await box.pressSequentially('inbound')
      const option = header.getByRole('option', {name: /Backlink/})
      await option.waitFor()
      await expect(option.textContent()).resolves.toContain('Also known as inbound link')
      await expect(box.getAttribute('aria-expanded')).resolves.toBe('true')
      await expect(header.getByRole('status').textContent()).resolves.toBe('1 term found.')

      await box.press('ArrowDown')
      await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'))
      await expect(option.getAttribute('aria-selected')).resolves.toBe('true')
      await box.press('Enter')

      await page.waitForURL(`${base()}/glossary/backlink`)
      await expect(page.locator('h1').textContent()).resolves.toBe('Backlink')
    }))

  it('closes the suggestions on Escape and keeps the typed words', () =>
    withPage(browser, 'search-escape', async (page) => {
      await page.goto(`${base()}/glossary/backlink`)
      const box = await headerSearch(page)
      await box.click()
      await box.pressSequentially('link')
      await page.locator('header').getByRole('option').first().waitFor()
      await box.press('Escape')
      await expect(box.getAttribute('aria-expanded')).resolves.toBe('false')
      await expect(page.locator('header').getByRole('listbox').isVisible()).resolves.toBe(false)
      await expect(box.inputValue()).resolves.toBe('link')
    }))

  it('searches without JavaScript: the form submits and the server lists the results', () =>
    withPage(
      browser,
      'search-without-js',
      async (page) => {
        await page.goto(`${base()}/`)
        // Without JavaScript nothing would suggest terms, so no field claims to be a combobox.
        await expect(page.getByRole('combobox').count()).resolves.toBe(0)
        const box = page.getByRole('search', {name: 'Search the glossary'}).getByRole('searchbox')
        await box.fill('inbound link')
        await box.press('Enter')
        await page.waitForURL(`${base()}/glossary?q=inbound+link`)
        await expect(page.locator('#search-results').textContent()).resolves.toBe(
          '1 result for “inbound link”',
        )
        const results = page.locator('section[aria-labelledby="search-results"]')
        await expect(results.getByRole('link').first().getAttribute('href')).resolves.toBe(
          '/glossary/backlink',
        )
        await expect(results.textContent()).resolves.toContain('Also known as inbound link')
        // A searched view is not a page of its own for search engines.
        await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe(
          'noindex, follow',
        )
      },
      {javaScriptEnabled: false},
    ))

  it('says so when a search finds nothing', () =>
    withPage(browser, 'search-no-results', async (page) => {
      const response = await page.goto(`${base()}/glossary?q=quantum+blockchain`)
      expect(response?.status()).toBe(200)
      await expect(page.locator('#search-results').textContent()).resolves.toBe(
        '0 results for “quantum blockchain”',
      )
      await expect(page.getByText('No term matches that.').isVisible()).resolves.toBe(true)
    }))

  it('narrows the index with the category and difficulty filters', () =>
    withPage(browser, 'index-filters', async (page) => {
      await page.goto(`${base()}/glossary`)
      const entries = page.locator('main section[aria-labelledby^="letter-"] li h3 a')
      const all = await entries.count()
      expect(all).toBeGreaterThanOrEqual(30)
      await expect(page.locator('main h1 + p').textContent()).resolves.toBe(`${all} terms, A to Z.`)

      await page.getByLabel('Category').selectOption({label: 'Technical SEO'})
      await page.getByLabel('Difficulty').selectOption({label: 'Advanced'})
      await page.getByRole('button', {name: 'Apply'}).click()
      await page.waitForURL(/category=technical-seo&difficulty=advanced/)

      const hrefs = await entries.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
      expect(hrefs).toEqual([
        '/glossary/canonical-url',
        '/glossary/crawl-budget',
        '/glossary/structured-data',
      ])
      await expect(page.locator('main h1 + p').textContent()).resolves.toBe(`Showing 3 of ${all} terms.`)
      const letters = page.getByRole('navigation', {name: 'Jump to a letter'})
      await expect(letters.getByRole('link').allTextContents()).resolves.toEqual(['C', 'S'])
      // The filters stay chosen, so the view can be shared or adjusted.
      await expect(page.getByLabel('Category').inputValue()).resolves.toBe('technical-seo')
    }))

  it('jumps to a letter from the letter bar, below the sticky bars; letters without terms are not links', () =>
    withPage(browser, 'letter-bar', async (page) => {
      await page.goto(`${base()}/glossary`)
      const bar = page.getByRole('navigation', {name: 'Jump to a letter'})
      await expect(bar.getByRole('link', {name: 'J', exact: true}).count()).resolves.toBe(0)
      await expect(bar.textContent()).resolves.toContain('J (no terms)')

      await bar.getByRole('link', {name: 'S', exact: true}).click()
      await page.waitForFunction(() => {
        const heading = document.getElementById('letter-s')!.getBoundingClientRect()
        const bar = document.querySelector('nav[aria-label="Jump to a letter"]')!.getBoundingClientRect()
        return location.hash === '#letter-s' && heading.top >= bar.bottom - 1 && heading.top < bar.bottom + 60
      })
      await expect(bar.isVisible()).resolves.toBe(true)
    }))

  it('lists every term under a letter on the letter’s own page, and says so when there is none', () =>
    withPage(browser, 'letter-page', async (page) => {
      const response = await page.goto(`${base()}/glossary/letter/b`)
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', {level: 1}).textContent()).resolves.toBe('B')
      const titles = await page.locator('main h3').allTextContents()
      expect(titles).toEqual(['Backlink', 'Bounce Rate', 'Broken Link'])
      await page.getByRole('link', {name: 'Backlink'}).click()
      await page.waitForURL(`${base()}/glossary/backlink`)

      await page.goto(`${base()}/glossary/letter/j`)
      await expect(page.locator('main').textContent()).resolves.toContain('No term is filed under J yet.')
      await page.goto(`${base()}/glossary/letter/other`)
      await expect(page.locator('main h3').allTextContents()).resolves.toEqual(['301 Redirect'])
      expect((await page.goto(`${base()}/glossary/letter/bb`))?.status()).toBe(404)
    }))

  it.each([
    ['the front page', '/'],
    ['the index', '/glossary'],
    ['search results', '/glossary?q=link'],
    ['a category page', '/glossary/category/technical-seo'],
    ['a letter page', '/glossary/letter/b'],
  ])('has no accessibility violations on %s (axe-core)', (_, path) =>
    withPage(browser, `axe-${path}`, async (page) => {
      await page.goto(`${base()}${path}`)
      expect(await axeViolations(page)).toEqual([])
    }),
  )

  it('has no accessibility violations with the suggestions open (axe-core)', () =>
    withPage(browser, 'axe-combobox-open', async (page) => {
      await page.goto(`${base()}/`)
      const box = await headerSearch(page)
      await box.click()
      await box.pressSequentially('link')
      await page.locator('header').getByRole('option').first().waitFor()
      await box.press('ArrowDown')
      expect(await axeViolations(page)).toEqual([])
    }))

  it.each(['/', '/glossary'])('fits a 390 px screen without horizontal overflow: %s', (path) =>
    withPage(
      browser,
      `narrow-${path}`,
      async (page) => {
        await page.goto(`${base()}${path}`)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow).toBeLessThanOrEqual(0)
      },
      {viewport: {width: 390, height: 900}},
    ),
  )
})

describe('one URL per page', () => {
  it.each([
    ['an upper-case slug', '/glossary/Backlink', '/glossary/backlink'],
    ['an upper-case alias, in one hop', '/glossary/INBOUND-LINK', '/glossary/backlink'],
    ['a trailing slash', '/glossary/backlink/', '/glossary/backlink'],
    ['an alias of the Markdown rendition', '/glossary/inbound-link.md', '/glossary/backlink.md'],
  ])('redirects %s permanently', async (_, path, location) => {
    const response = await getRaw(`${base()}${path}`)
    expect(response.status).toBe(308)
    expect(response.location).toBe(location)
  })

  it('serves the index as a cached page whatever tracking parameters it gets; searches are not indexed', async () => {
    for (const path of ['/glossary', '/glossary?utm_source=newsletter']) {
      const response = await fetch(`${base()}${path}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/)
      const html = await response.text()
      expect(html).toContain(`<link rel="canonical" href="${siteUrl}/glossary"/>`)
      expect(html).not.toContain('noindex')
    }
    for (const path of ['/glossary?q=link', '/glossary?difficulty=advanced', '/glossary-search']) {
      const html = await (await fetch(`${base()}${path}`)).text()
      expect(html).toContain(`<link rel="canonical" href="${siteUrl}/glossary"/>`)
      expect(html).toContain('<meta name="robots" content="noindex, follow"/>')
    }
  })

  it('serves the same page, with the same absolute canonical, whatever tracking parameters it gets', async () => {
    const response = await fetch(`${base()}/glossary/backlink?utm_source=newsletter&gclid=abc`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`<link rel="canonical" href="${siteUrl}/glossary/backlink"/>`)
    expect(html).toContain(`<meta property="og:url" content="${siteUrl}/glossary/backlink"/>`)
  })
})

describe('structured data and files for machines', () => {
  it('puts DefinedTerm, BreadcrumbList and Article JSON-LD on a term page', async () => {
    const html = await (await fetch(`${base()}/glossary/backlink`)).text()
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)]
    expect(scripts).toHaveLength(1)
    const types = JSON.parse(scripts[0]![1]!)['@graph'].map((node: {'@type': string}) => node['@type'])
    expect(types).toEqual(['DefinedTerm', 'BreadcrumbList', 'Article'])
  })

  it('generates the term’s Open Graph image as a 1200×630 PNG', async () => {
    const html = await (await fetch(`${base()}/glossary/backlink`)).text()
    const imageUrl = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!
    expect(imageUrl.startsWith(`${siteUrl}/glossary/backlink/opengraph-image`)).toBe(true)
    const response = await fetch(`${base()}${new URL(imageUrl).pathname}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await response.arrayBuffer())
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  })

  it.each([
    ['/sitemap.xml', 'application/xml', '<urlset'],
    ['/robots.txt', 'text/plain', 'Disallow: /studio'],
    ['/feed.xml', 'application/atom+xml; charset=utf-8', '<feed xmlns="http://www.w3.org/2005/Atom">'],
    ['/llms.txt', 'text/plain; charset=utf-8', '# Search Glossary'],
    ['/glossary/backlink.md', 'text/markdown; charset=utf-8', '# Backlink'],
  ])('serves %s', async (path, contentType, start) => {
    const response = await fetch(`${base()}${path}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(contentType)
    expect(await response.text()).toContain(start)
  })

  it.each([
    '/',
    '/glossary',
    '/glossary?category=links-authority',
    '/glossary/backlink',
    '/glossary/category/links-authority',
    '/glossary/letter/b',
    '/guides',
    '/guides/link-building-playbook',
    '/authors/glossary-editorial-team',
  ])('tells feed readers where the feed is from %s', async (path) => {
    const response = await fetch(`${base()}${path}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const links = [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" href="([^"]+)"/g)]
    expect(links.map((link) => link[1])).toEqual([`${siteUrl}/feed.xml`])
  })
})
