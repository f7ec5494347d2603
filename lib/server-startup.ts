import 'server-only'

import {contentSource} from './content'

export async function prepareServer() {
  try {
    await contentSource().warmUp()
  } catch (error) {
    console.error(`[content] cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
}
