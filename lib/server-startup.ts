import 'server-only'

import {contentSource} from './content'
import {prepareFeedbackDatabase, shutDownFeedbackDatabase} from './feedback/server'

export async function prepareServer() {
  // Which Node serves the site, for operators (and for the test that it is the project's own).
  console.log(JSON.stringify({msg: 'starting', node: process.versions.node, pid: process.pid}))
  try {
    await contentSource().warmUp()
  } catch (error) {
    console.error(`[content] cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
  // Next closes the HTTP server on these signals and then exits; the database closes meanwhile, so
  // a PGlite folder is left clean and unlocked.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
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
}
