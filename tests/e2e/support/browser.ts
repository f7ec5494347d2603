import {mkdirSync} from 'node:fs'
import path from 'node:path'

import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'

import {root} from './server'

export const resultsDir = path.join(root, 'test-results')

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  })
}

/**
 * Opens a page in a fresh context, runs the journey, and keeps a screenshot when it fails.
 * Errors thrown by our own code in the page fail the journey too.
 */
export async function withPage(
  browser: Browser,
  name: string,
  journey: (page: Page, context: BrowserContext) => Promise<void>,
  options: {
    viewport?: {width: number; height: number}
    colorScheme?: 'light' | 'dark'
    javaScriptEnabled?: boolean
  } = {},
) {
  const context = await browser.newContext({
    viewport: options.viewport ?? {width: 1280, height: 900},
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  })
  const page = await context.newPage()
  const pageErrors: Error[] = []
  page.on('pageerror', (error) => pageErrors.push(error))
  try {
    await journey(page, context)
    if (pageErrors.length)
      throw new Error(`Errors in the page: ${pageErrors.map((e) => e.message).join('; ')}`)
  } catch (error) {
    mkdirSync(path.join(resultsDir, 'failures'), {recursive: true})
    await page
      .screenshot({
        path: path.join(resultsDir, 'failures', `${name.replace(/[^a-z0-9]+/gi, '-')}.png`),
        fullPage: true,
      })
      .catch(() => {})
    throw error
  } finally {
    await context.close()
  }
}

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
