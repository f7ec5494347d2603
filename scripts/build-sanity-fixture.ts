/**
 * Builds the site in Sanity mode for the browser suite's outage and preview tests: the build
 * reads a local Content Lake stand-in serving the embedded dataset, and goes to its own folder.
 *
 * Usage: tsx scripts/build-sanity-fixture.ts
 */
import '@/lib/runtime/require-node.mjs'

import {spawn} from 'node:child_process'
import {once} from 'node:events'
import path from 'node:path'

import {readDataset} from '@/lib/content/dataset'
import {startContentLake} from '@/tests/e2e/support/content-lake'
import {sanityFixtureEnv} from '@/tests/e2e/support/sanity-fixture'

async function main() {
  const lake = await startContentLake({documents: await readDataset('sanity/seed/dataset.ndjson')})
  try {
    const child = spawn(path.join('node_modules', '.bin', 'next'), ['build'], {
      env: {...process.env, ...sanityFixtureEnv(lake.url)},
      stdio: 'inherit',
    })
    const [code] = (await once(child, 'exit')) as [number | null]
    if (code !== 0) throw new Error(`next build exited with ${code}`)
    console.log(`Sanity-mode build done (${lake.received.length} queries answered by the stand-in).`)
  } finally {
    await lake.stop()
  }
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exitCode = 1
})
