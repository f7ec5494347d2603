import type {Browser} from 'playwright-core'

import type {FeedbackSummary} from '@/lib/feedback/summary'

import {axeViolations, launchBrowser, withPage} from './support/browser'
import {E2E_FEEDBACK_ADMIN_TOKEN} from './support/global-setup'

const base = () => process.env.E2E_BASE_URL!

async function summary(): Promise<FeedbackSummary> {
  const response = await fetch(`${base()}/api/feedback/summary`, {
    headers: {authorization: `Bearer ${E2E_FEEDBACK_ADMIN_TOKEN}`},
  })
  expect(response.status).toBe(200)
  return response.json()
}

describe('feedback from the term page in Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('a Yes with a reason and a comment on /glossary/backlink shows up in the summary', () =>
    withPage(browser, 'feedback-vote', async (page) => {
      await page.goto(`${base()}/glossary/backlink`)
      await page.getByRole('button', {name: 'Yes, this was helpful'}).click()
      await page.getByRole('status').filter({hasText: 'Thanks for your feedback!'}).waitFor()
      await expect(
        page.getByRole('button', {name: 'Yes, this was helpful'}).getAttribute('aria-pressed'),
      ).resolves.toBe('true')

      const reasons = page.getByRole('group', {name: 'What made it helpful? (optional)'})
      await reasons.getByRole('radio', {name: 'Clear explanation'}).check()
      await page.getByRole('textbox', {name: /Anything else we should know/}).fill('The table helped.')
      await expect(page.getByText('17/500 characters').isVisible()).resolves.toBe(true)
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', {name: 'Send'}).click()
      await page.getByRole('status').filter({hasText: 'Thank you, your answer was sent.'}).waitFor()

      const backlink = (await summary()).terms.find((term) => term.slug === 'backlink')
      expect(backlink?.allRevisions).toEqual({yes: 1, no: 0, total: 1, helpfulPercent: 100})
      expect(backlink?.reasons).toEqual([
        {vote: 'yes', reason: 'clear', label: 'Clear explanation', count: 1},
      ])
      expect(backlink?.comments?.map((c) => c.comment)).toEqual(['The table helped.'])

      // The answer is remembered when the reader comes back, from this browser's storage once the page
      // has hydrated, which may be after the load event.
      await page.reload()
      await page.getByRole('button', {name: 'Yes, this was helpful', pressed: true}).waitFor()
      await expect(page.getByText('You answered Yes.').isVisible()).resolves.toBe(true)
    }))

  it('works without JavaScript: the form posts and lands on the thank-you note', () =>
    withPage(
      browser,
      'feedback-no-js',
      async (page) => {
        await page.goto(`${base()}/glossary/anchor-text`)
        await expect(page.locator('#feedback-thanks').isVisible()).resolves.toBe(false)
        await page.getByRole('button', {name: 'No, this was not helpful'}).click()
        await page.waitForURL(`${base()}/glossary/anchor-text#feedback-thanks`)
        await expect(page.locator('#feedback-thanks').isVisible()).resolves.toBe(true)
        // The browser scrolls the note into view after load. Without JavaScript in the page,
        // waitForFunction cannot poll, so this test polls.
        const inView = () =>
          page.evaluate(() => {
            const {top, bottom} = document.getElementById('feedback-thanks')!.getBoundingClientRect()
            return top >= 0 && bottom <= window.innerHeight
          })
        for (let tries = 0; tries < 50 && !(await inView()); tries++) await page.waitForTimeout(100)
        await expect(inView()).resolves.toBe(true)
        await expect(page.locator('#feedback-thanks').textContent()).resolves.toContain(
          'Thanks for your feedback!',
        )

        const anchorText = (await summary()).terms.find((term) => term.slug === 'anchor-text')
        expect(anchorText?.allRevisions).toEqual({yes: 0, no: 1, total: 1, helpfulPercent: 0})
      },
      {javaScriptEnabled: false},
    ))

  it('refuses a cross-site form post', async () => {
    const response = await fetch(`${base()}/api/feedback`, {
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

  it('keeps the term page static: served from the cache, not rendered per request', async () => {
    const first = await fetch(`${base()}/glossary/backlink`)
    const second = await fetch(`${base()}/glossary/backlink`)
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=3600/)
  })
})
