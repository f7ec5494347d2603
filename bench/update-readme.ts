/**
 * Rewrites the README's performance section (between the bench markers) from a results file.
 * `npm run bench` runs it after a full run; run it alone after editing the report's layout.
 *
 * Usage: tsx bench/update-readme.ts [bench/results/latest.json]
 */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {replaceBenchSection} from './lib/readme'
import {renderReport, type BenchResults} from './lib/results'

export const LATEST_RESULTS = 'bench/results/latest.json'

export async function updateReadme(resultsFile = LATEST_RESULTS, readmeFile = 'README.md') {
  const results = JSON.parse(await readFile(resultsFile, 'utf8')) as BenchResults
  const readme = await readFile(readmeFile, 'utf8')
  await writeFile(readmeFile, replaceBenchSection(readme, renderReport(results)))
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  updateReadme(process.argv[2]).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
