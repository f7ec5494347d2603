import type {Page} from '@playwright/test'

/** Debian's Chromium (`npx playwright install` cannot download one here); the bench's Lighthouse uses it too. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Runs axe-core inside the page and returns its violations. */
export async function axeViolations(page: Page) {
  const axe = await import('axe-core')
  await page.addScriptTag({content: axe.default.source})
  return page.evaluate(async () => {
    const result = await (window as unknown as {axe: typeof import('axe-core')}).axe.run(document, {
      runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
    })
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  })
}
