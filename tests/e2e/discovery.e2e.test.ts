import type {Locator, Page} from '@playwright/test'

import {siteUrl} from '@/lib/site/urls'

import {axeViolations} from './support/browser'
import {getRaw} from './support/http'
import {SITE_URL} from './support/site'
import {expect, test} from './support/test'

/**
 * The header's search box, once the page has hydrated: only then does the plain search field
 * become a combobox that suggests terms.
 */
async function headerSearch(page: Page): Promise<Locator> {
  const box = page.locator('header').getByRole('combobox', {name: 'Search the glossary'})
  await box.waitFor()
  return box
}

test.describe('finding terms in Chromium', () => {
  test('finds Backlink from the header search box: type "inbound", arrow down, Enter', async ({page}) => {
    await page.goto(`${SITE_URL}/`)
    const header = page.locator('header')
    const box = await headerSearch(page)
    await box.click()
    await box.pressSequentially('inbound')
    const option = header.getByRole('option', {name: /Backlink/})
    await option.waitFor()
    await expect(option).toContainText('Also known as inbound link')
    await expect(box).toHaveAttribute('aria-expanded', 'true')
    await expect(header.getByRole('status')).toHaveText('1 term found.')

    await box.press('ArrowDown')
    const optionId = await option.getAttribute('id')
    expect(optionId).toBeTruthy()
    await expect(box).toHaveAttribute('aria-activedescendant', optionId!)
    await expect(option).toHaveAttribute('aria-selected', 'true')
    await box.press('Enter')

    await page.waitForURL(`${SITE_URL}/glossary/backlink`)
    await expect(page.locator('h1')).toHaveText('Backlink')
  })

  test('closes the suggestions on Escape and keeps the typed words', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary/backlink`)
    const box = await headerSearch(page)
    await box.click()
    await box.pressSequentially('link')
    await page.locator('header').getByRole('option').first().waitFor()
    await box.press('Escape')
    await expect(box).toHaveAttribute('aria-expanded', 'false')
    await expect(page.locator('header').getByRole('listbox')).toBeHidden()
    await expect(box).toHaveValue('link')
  })

  test.describe('without JavaScript', () => {
    test.use({javaScriptEnabled: false})

    test('searches without JavaScript: the form submits and the server lists the results', async ({page}) => {
      await page.goto(`${SITE_URL}/`)
      // Without JavaScript nothing would suggest terms, so no field claims to be a combobox.
      await expect(page.getByRole('combobox')).toHaveCount(0)
      const box = page.getByRole('search', {name: 'Search the glossary'}).getByRole('searchbox')
      await box.fill('inbound link')
      await box.press('Enter')
      await page.waitForURL(`${SITE_URL}/glossary?q=inbound+link`)
      await expect(page.locator('#search-results')).toHaveText('1 result for “inbound link”')
      const results = page.locator('section[aria-labelledby="search-results"]')
      await expect(results.getByRole('link').first()).toHaveAttribute('href', '/glossary/backlink')
      await expect(results).toContainText('Also known as inbound link')
      // A searched view is not a page of its own for search engines.
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow')
    })
  })

  test('says so when a search finds nothing', async ({page}) => {
    const response = await page.goto(`${SITE_URL}/glossary?q=quantum+blockchain`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('#search-results')).toHaveText('0 results for “quantum blockchain”')
    await expect(page.getByText('No term matches that.')).toBeVisible()
  })

  test('narrows the index with the category and difficulty filters', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary`)
    const entries = page.locator('main section[aria-labelledby^="letter-"] li h3 a')
    const all = await entries.count()
    expect(all).toBeGreaterThanOrEqual(30)
    await expect(page.locator('main h1 + p')).toHaveText(`${all} terms, A to Z.`)

    await page.getByLabel('Category').selectOption({label: 'Technical SEO'})
    await page.getByLabel('Difficulty').selectOption({label: 'Advanced'})
    await page.getByRole('button', {name: 'Apply'}).click()
    await page.waitForURL(/category=technical-seo&difficulty=advanced/)

    const hrefs = await entries.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(hrefs).toEqual(['/glossary/canonical-url', '/glossary/crawl-budget', '/glossary/structured-data'])
    await expect(page.locator('main h1 + p')).toHaveText(`Showing 3 of ${all} terms.`)
    const letters = page.getByRole('navigation', {name: 'Jump to a letter'})
    await expect(letters.getByRole('link')).toHaveText(['C', 'S'])
    // The filters stay chosen, so the view can be shared or adjusted.
    await expect(page.getByLabel('Category')).toHaveValue('technical-seo')
  })

  test('jumps to a letter from the letter bar, below the sticky bars; letters without terms are not links', async ({
    page,
  }) => {
    await page.goto(`${SITE_URL}/glossary`)
    const bar = page.getByRole('navigation', {name: 'Jump to a letter'})
    await expect(bar.getByRole('link', {name: 'J', exact: true})).toHaveCount(0)
    await expect(bar).toContainText('J (no terms)')

    await bar.getByRole('link', {name: 'S', exact: true}).click()
    await page.waitForFunction(() => {
      const heading = document.getElementById('letter-s')!.getBoundingClientRect()
      const bar = document.querySelector('nav[aria-label="Jump to a letter"]')!.getBoundingClientRect()
      return location.hash === '#letter-s' && heading.top >= bar.bottom - 1 && heading.top < bar.bottom + 60
    })
    await expect(bar).toBeVisible()
  })

  test('lists every term under a letter on the letter’s own page, and says so when there is none', async ({
    page,
  }) => {
    const response = await page.goto(`${SITE_URL}/glossary/letter/b`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', {level: 1})).toHaveText('B')
    await expect(page.locator('main h3')).toHaveText(['Backlink', 'Bounce Rate', 'Broken Link'])
    await page.getByRole('link', {name: 'Backlink'}).click()
    await page.waitForURL(`${SITE_URL}/glossary/backlink`)

    await page.goto(`${SITE_URL}/glossary/letter/j`)
    await expect(page.locator('main')).toContainText('No term is filed under J yet.')
    await page.goto(`${SITE_URL}/glossary/letter/other`)
    await expect(page.locator('main h3')).toHaveText(['301 Redirect'])
    expect((await page.goto(`${SITE_URL}/glossary/letter/bb`))?.status()).toBe(404)
  })

  for (const [what, path] of [
    ['the front page', '/'],
    ['the index', '/glossary'],
    ['search results', '/glossary?q=link'],
    ['a category page', '/glossary/category/technical-seo'],
    ['a letter page', '/glossary/letter/b'],
  ]) {
    test(`has no accessibility violations on ${what} (axe-core)`, async ({page}) => {
      await page.goto(`${SITE_URL}${path}`)
      expect(await axeViolations(page)).toEqual([])
    })
  }

  test('has no accessibility violations with the suggestions open (axe-core)', async ({page}) => {
    await page.goto(`${SITE_URL}/`)
    const box = await headerSearch(page)
    await box.click()
    await box.pressSequentially('link')
    await page.locator('header').getByRole('option').first().waitFor()
    await box.press('ArrowDown')
    expect(await axeViolations(page)).toEqual([])
  })

  test.describe('at 390 px', () => {
    test.use({viewport: {width: 390, height: 900}})

    for (const path of ['/', '/glossary']) {
      test(`fits a 390 px screen without horizontal overflow: ${path}`, async ({page}) => {
        await page.goto(`${SITE_URL}${path}`)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow).toBeLessThanOrEqual(0)
      })
    }
  })
})

test.describe('one URL per page', () => {
  for (const [what, path, location] of [
    ['an upper-case slug', '/glossary/Backlink', '/glossary/backlink'],
    ['an upper-case alias, in one hop', '/glossary/INBOUND-LINK', '/glossary/backlink'],
    ['a trailing slash', '/glossary/backlink/', '/glossary/backlink'],
    ['an alias of the Markdown rendition', '/glossary/inbound-link.md', '/glossary/backlink.md'],
  ]) {
    test(`redirects ${what} permanently`, async () => {
      const response = await getRaw(`${SITE_URL}${path}`)
      expect(response.status).toBe(308)
      expect(response.location).toBe(location)
    })
  }

  test('serves the index as a cached page whatever tracking parameters it gets; searches are not indexed', async () => {
    for (const path of ['/glossary', '/glossary?utm_source=newsletter']) {
      const response = await fetch(`${SITE_URL}${path}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/)
      const html = await response.text()
      expect(html).toContain(`<link rel="canonical" href="${siteUrl}/glossary"/>`)
      expect(html).not.toContain('noindex')
    }
    for (const path of ['/glossary?q=link', '/glossary?difficulty=advanced', '/glossary-search']) {
      const html = await (await fetch(`${SITE_URL}${path}`)).text()
      expect(html).toContain(`<link rel="canonical" href="${siteUrl}/glossary"/>`)
      expect(html).toContain('<meta name="robots" content="noindex, follow"/>')
    }
  })

  test('serves the same page, with the same absolute canonical, whatever tracking parameters it gets', async () => {
    const response = await fetch(`${SITE_URL}/glossary/backlink?utm_source=newsletter&gclid=abc`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`<link rel="canonical" href="${siteUrl}/glossary/backlink"/>`)
    expect(html).toContain(`<meta property="og:url" content="${siteUrl}/glossary/backlink"/>`)
  })
})

test.describe('structured data and files for machines', () => {
  test('puts DefinedTerm, BreadcrumbList and Article JSON-LD on a term page', async () => {
    const html = await (await fetch(`${SITE_URL}/glossary/backlink`)).text()
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)]
    expect(scripts).toHaveLength(1)
    const types = JSON.parse(scripts[0]![1]!)['@graph'].map((node: {'@type': string}) => node['@type'])
    expect(types).toEqual(['DefinedTerm', 'BreadcrumbList', 'Article'])
  })

  test('generates the term’s Open Graph image as a 1200×630 PNG', async () => {
    const html = await (await fetch(`${SITE_URL}/glossary/backlink`)).text()
    const imageUrl = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!
    expect(imageUrl.startsWith(`${siteUrl}/glossary/backlink/opengraph-image`)).toBe(true)
    const response = await fetch(`${SITE_URL}${new URL(imageUrl).pathname}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await response.arrayBuffer())
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  })

  for (const [path, contentType, start] of [
    ['/sitemap.xml', 'application/xml', '<urlset'],
    ['/robots.txt', 'text/plain', 'Disallow: /studio'],
    ['/feed.xml', 'application/atom+xml; charset=utf-8', '<feed xmlns="http://www.w3.org/2005/Atom">'],
    ['/llms.txt', 'text/plain; charset=utf-8', '# Search Glossary'],
    ['/glossary/backlink.md', 'text/markdown; charset=utf-8', '# Backlink'],
  ]) {
    test(`serves ${path}`, async () => {
      const response = await fetch(`${SITE_URL}${path}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe(contentType)
      expect(await response.text()).toContain(start)
    })
  }

  for (const path of [
    '/',
    '/glossary',
    '/glossary?category=links-authority',
    '/glossary/backlink',
    '/glossary/category/links-authority',
    '/glossary/letter/b',
    '/guides',
    '/guides/link-building-playbook',
    '/authors/glossary-editorial-team',
  ]) {
    test(`tells feed readers where the feed is from ${path}`, async () => {
      const response = await fetch(`${SITE_URL}${path}`)
      expect(response.status).toBe(200)
      const html = await response.text()
      const links = [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" href="([^"]+)"/g)]
      expect(links.map((link) => link[1])).toEqual([`${siteUrl}/feed.xml`])
    })
  }
})
