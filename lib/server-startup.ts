import 'server-only'

import {contentSource} from './content'
import {prepareFeedbackDatabase} from './feedback/server'

export async function prepareServer() {
  // Which Node serves the site, for operators (and for the test that it is the project's own).
  console.log(JSON.stringify({msg: 'starting', node: process.versions.node, pid: process.pid}))
  try {
    await contentSource().warmUp()
  } catch (error) {
    console.error(`[content] cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
  // Opened now, not on the first vote: a new PGlite folder takes seconds to set up.
  try {
    await prepareFeedbackDatabase()
  } catch (error) {
    console.error(`[feedback] cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
}
