import {axeViolations} from './support/browser'
import {SITE_URL} from './support/site'
import {expect, test} from './support/test'

/** The default build has no Sanity project: /studio explains how to connect one. */
test.describe('/studio without a Sanity project', () => {
  for (const path of ['/studio', '/studio/structure/term']) {
    test(`shows at ${path} what to set and how to import the content, with no errors in the console`, async ({
      page,
    }) => {
      const consoleErrors: string[] = []
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()))

      const response = await page.goto(`${SITE_URL}${path}`)

      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', {level: 1})).toHaveText('The Studio needs a Sanity project')
      for (const text of [
        'NEXT_PUBLIC_SANITY_PROJECT_ID',
        'NEXT_PUBLIC_SANITY_DATASET',
        'npm run seed:import',
      ]) {
        await expect(page.getByText(text, {exact: true})).toHaveCount(1)
      }
      // The Studio has its own root layout: none of the site's header or footer.
      await expect(page.locator('header, footer')).toHaveCount(0)
      expect(await axeViolations(page)).toEqual([])
      expect(consoleErrors).toEqual([])
    })
  }
})
