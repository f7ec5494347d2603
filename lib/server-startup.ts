import 'server-only'

import {contentSource, usesEmbeddedDataset} from './content'
import {prepareFeedbackDatabase, shutDownFeedbackDatabase} from './feedback/server'
import {markDraining, markReady} from './health/status.mjs'

/**
 * The signal `npm start` (scripts/start.mjs) sends first when asked to stop with a drain delay:
 * readiness turns 503 while pages are still served, and SIGTERM follows after the delay.
 */
const DRAIN_SIGNAL = 'SIGUSR2'

export async function prepareServer() {
  // Which Node serves the site, for operators (and for the test that it is the project's own).
  console.log(JSON.stringify({msg: 'starting', node: process.versions.node, pid: process.pid}))
  try {
    await contentSource().warmUp()
  } catch (error) {
    console.error(`[content] cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
  process.on(DRAIN_SIGNAL, markDraining)
  // Next closes the HTTP server on these signals and then exits; readiness answers 503 from now
  // on, and the database closes meanwhile, so a PGlite folder is left clean and unlocked.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      markDraining()
      shutDownFeedbackDatabase().catch((error: Error) =>
        console.error(`[feedback] could not close the database: ${error.message}`),
      )
    })
  }
  // Opened now, not on the first vote: a new PGlite folder takes seconds to set up.
  try {
    await prepareFeedbackDatabase()
  } catch (error) {
    console.error(`[feedback] cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
  markReady()
  const source = usesEmbeddedDataset() ? 'embedded' : 'content-lake'
  console.log(JSON.stringify({msg: 'ready', ms: Math.round(process.uptime() * 1000), source}))
}
