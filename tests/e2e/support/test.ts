import {test as base, expect} from '@playwright/test'

export {expect}

/**
 * Playwright's `test`, with one rule for every page a test opens: an error thrown by our code in
 * the page fails the test, even when every assertion passed.
 */
export const test = base.extend({
  page: async ({page}, use) => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await use(page)
    expect(pageErrors, 'errors thrown in the page').toEqual([])
  },
})
