import {rmSync} from 'node:fs'

import type {RunningServer} from './server'

export default async function globalTeardown() {
  const {__nextServer, __feedbackDir} = globalThis as {__nextServer?: RunningServer; __feedbackDir?: string}
  await __nextServer?.stop()
  if (__feedbackDir) rmSync(__feedbackDir, {recursive: true, force: true})
}
