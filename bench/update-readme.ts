/**
 * Rewrites the README's performance section (between the bench markers) from a results file.
 * `npm run bench` runs it after a full run; run it alone after editing the report's layout or a
 * target.
 *
 * Usage: tsx bench/update-readme.ts [bench/results/latest.json]
 */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {replaceBenchSection} from './lib/readme'
import {evaluateTargets, renderReport, type BenchResults} from './lib/results'

export const LATEST_RESULTS = 'bench/results/latest.json'

/**
 * The targets are judged again from the run's measurements, so a target whose wording or bar
 * changed is reported as it now reads, and written back to the results file with them.
 */
export async function updateReadme(resultsFile = LATEST_RESULTS, readmeFile = 'README.md') {
  const measured = JSON.parse(await readFile(resultsFile, 'utf8')) as BenchResults
  const results: BenchResults = {...measured, targets: evaluateTargets(measured)}
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
  const readme = await readFile(readmeFile, 'utf8')
  await writeFile(readmeFile, replaceBenchSection(readme, renderReport(results)))
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  updateReadme(process.argv[2]).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
