import type {Browser} from 'playwright-core'

import {axeViolations, launchBrowser, withPage} from './support/browser'

const base = () => process.env.E2E_BASE_URL!

/** The default build has no Sanity project: /studio explains how to connect one. */
describe('/studio without a Sanity project', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it.each(['/studio', '/studio/structure/term'])(
    'shows at %s what to set and how to import the content, with no errors in the console',
    (path) =>
      withPage(browser, `studio-not-configured${path.replaceAll('/', '-')}`, async (page) => {
        const consoleErrors: string[] = []
        page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()))

        const response = await page.goto(`${base()}${path}`)

        expect(response?.status()).toBe(200)
        await expect(page.getByRole('heading', {level: 1}).textContent()).resolves.toBe(
          'The Studio needs a Sanity project',
        )
        for (const text of [
          'NEXT_PUBLIC_SANITY_PROJECT_ID',
          'NEXT_PUBLIC_SANITY_DATASET',
          'npm run seed:import',
        ]) {
          await expect(page.getByText(text, {exact: true}).count()).resolves.toBe(1)
        }
        // The Studio has its own root layout: none of the site's header or footer.
        await expect(page.locator('header, footer').count()).resolves.toBe(0)
        await expect(axeViolations(page)).resolves.toEqual([])
        expect(consoleErrors).toEqual([])
      }),
  )
})
