import type {FeedbackSummary} from '@/lib/feedback/summary'

import {axeViolations} from './support/browser'
import {E2E_FEEDBACK_ADMIN_TOKEN, SITE_URL} from './support/site'
import {expect, test} from './support/test'

async function summary(): Promise<FeedbackSummary> {
  const response = await fetch(`${SITE_URL}/api/feedback/summary`, {
    headers: {authorization: `Bearer ${E2E_FEEDBACK_ADMIN_TOKEN}`},
  })
  expect(response.status).toBe(200)
  return response.json()
}

test.describe('feedback from the term page in Chromium', () => {
  test('a Yes with a reason and a comment on /glossary/backlink shows up in the summary', async ({page}) => {
    await page.goto(`${SITE_URL}/glossary/backlink`)
    await page.getByRole('button', {name: 'Yes, this was helpful'}).click()
    await page.getByRole('status').filter({hasText: 'Thanks for your feedback!'}).waitFor()
    await expect(page.getByRole('button', {name: 'Yes, this was helpful'})).toHaveAttribute(
      'aria-pressed',
      'true',
    )

    const reasons = page.getByRole('group', {name: 'What made it helpful? (optional)'})
    await reasons.getByRole('radio', {name: 'Clear explanation'}).check()
    await page.getByRole('textbox', {name: /Anything else we should know/}).fill('The table helped.')
    await expect(page.getByText('17/500 characters')).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', {name: 'Send'}).click()
    await page.getByRole('status').filter({hasText: 'Thank you, your answer was sent.'}).waitFor()

    const backlink = (await summary()).terms.find((term) => term.slug === 'backlink')
    expect(backlink?.allRevisions).toEqual({yes: 1, no: 0, total: 1, helpfulPercent: 100})
    expect(backlink?.reasons).toEqual([{vote: 'yes', reason: 'clear', label: 'Clear explanation', count: 1}])
    expect(backlink?.comments?.map((c) => c.comment)).toEqual(['The table helped.'])

    // The answer is remembered when the reader comes back, from this browser's storage once the page
    // has hydrated, which may be after the load event.
    await page.reload()
    await page.getByRole('button', {name: 'Yes, this was helpful', pressed: true}).waitFor()
    await expect(page.getByText('You answered Yes.')).toBeVisible()
  })

  test.describe('without JavaScript', () => {
    test.use({javaScriptEnabled: false})

    test('works without JavaScript: the form posts and lands on the thank-you note', async ({page}) => {
      await page.goto(`${SITE_URL}/glossary/anchor-text`)
      await expect(page.locator('#feedback-thanks')).toBeHidden()
      await page.getByRole('button', {name: 'No, this was not helpful'}).click()
      await page.waitForURL(`${SITE_URL}/glossary/anchor-text#feedback-thanks`)
      await expect(page.locator('#feedback-thanks')).toBeVisible()
      // The browser scrolls the note into view after load. Without JavaScript in the page,
      // waitForFunction cannot poll there, so the test polls from outside.
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const {top, bottom} = document.getElementById('feedback-thanks')!.getBoundingClientRect()
              return top >= 0 && bottom <= window.innerHeight
            }),
          {message: 'the thank-you note is scrolled into view', timeout: 5_000, intervals: [100]},
        )
        .toBe(true)
      await expect(page.locator('#feedback-thanks')).toContainText('Thanks for your feedback!')

      const anchorText = (await summary()).terms.find((term) => term.slug === 'anchor-text')
      expect(anchorText?.allRevisions).toEqual({yes: 0, no: 1, total: 1, helpfulPercent: 0})
    })
  })

  test('refuses a cross-site form post', async () => {
    const response = await fetch(`${SITE_URL}/api/feedback`, {
      method: 'POST',
      headers: {origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded'},
      body: 'term=backlink&vote=no',
      redirect: 'manual',
    })
    expect(response.status).toBe(403)
    await expect(response.json()).resolves.toEqual({
      error: 'Feedback is only accepted from this site’s own pages.',
    })
  })

  test('keeps the term page static: served from the cache, not rendered per request', async () => {
    const first = await fetch(`${SITE_URL}/glossary/backlink`)
    const second = await fetch(`${SITE_URL}/glossary/backlink`)
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=3600/)
  })
})
