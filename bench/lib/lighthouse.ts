/**
 * Lighthouse (npm `lighthouse`, mobile profile: its default emulation and simulated throttling)
 * in Debian's Chromium, started here with the browser suite's flags and a debugging port.
 * Lighthouse is one of the bench's own tools (`bench/tools`), outside the site's install.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {CHROMIUM_FLAGS, CHROMIUM_PATH} from '@/tests/e2e/support/browser'
import {waitForHttp} from './http'
import {start} from './processes'
import {importBenchTool} from './tools'

export type LighthouseScores = {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
  cls: number
  /** Audits that cost points in Accessibility, Best Practices or SEO, as `category: audit-id`. */
  missed: string[]
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

/** The part of Lighthouse's result the bench reads (its own types resolve only inside bench/tools). */
type LighthouseResult = {
  lhr: {
    categories: Record<string, {score: number | null; auditRefs: {id: string; weight: number}[]} | undefined>
    audits: Record<string, {score: number | null; numericValue?: number; details?: unknown} | undefined>
    runtimeError?: {code: string; message: string}
  }
}
type LighthouseModule = {
  default: (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>
}

/** What the first finding of a failed audit was about (a console message, an element, a URL). */
function firstItem(details: unknown): string {
  const items = (details as {items?: Record<string, unknown>[]} | undefined)?.items
  const item = items?.[0]
  if (!item) return ''
  const node = item.node as {snippet?: string} | undefined
  const source = item.sourceLocation as {url?: string} | undefined
  const text = [item.description, item.url ?? source?.url, node?.snippet]
    .filter((value) => typeof value === 'string')
    .join(' ')
  return text ? ` (${text.slice(0, 160)}${items.length > 1 ? ` and ${items.length - 1} more` : ''})` : ''
}

/**
 * Runs Lighthouse `runs` times per URL in one browser, the URLs in turn (a, b, c, a, b, c, …) so a
 * slow moment of the machine does not fall on one page's runs; returns the runs per URL in order.
 */
export async function runLighthouse(urls: string[], runs: number, debuggingPort: number) {
  const {default: lighthouse} = await importBenchTool<LighthouseModule>('lighthouse')
  const profile = await mkdtemp(path.join(os.tmpdir(), 'bench-chromium-'))
  const browser = start('chromium', CHROMIUM_PATH, [
    ...CHROMIUM_FLAGS,
    `--remote-debugging-port=${debuggingPort}`,
    `--user-data-dir=${profile}`,
    'about:blank',
  ])
  try {
    await waitForHttp(`http://127.0.0.1:${debuggingPort}/json/version`, 30_000, () =>
      browser.child.exitCode !== null ? `chromium exited:\n${browser.output()}` : undefined,
    )
    const results: LighthouseScores[][] = urls.map(() => [])
    for (let i = 0; i < runs; i++) {
      for (const [index, url] of urls.entries()) {
        const result = await lighthouse(url, {
          port: debuggingPort,
          hostname: '127.0.0.1',
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
        const {categories, audits, runtimeError} = result.lhr
        if (runtimeError)
          throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`)
        const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100)
        results[index]!.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
          tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
          cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
          missed: CATEGORIES.filter((id) => id !== 'performance').flatMap((id) =>
            (categories[id]?.auditRefs ?? [])
              .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
              .map((ref) => `${id}: ${ref.id}${firstItem(audits[ref.id]?.details)}`),
          ),
        })
      }
    }
    return results
  } finally {
    await browser.stop()
    await rm(profile, {recursive: true, force: true})
  }
}

/** The run with the median Performance score, as Lighthouse's own docs advise for noisy machines. */
export function medianRun(runs: LighthouseScores[]): LighthouseScores {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}
