import type {RunningServer} from './server'

export default async function globalTeardown() {
  await (globalThis as {__nextServer?: RunningServer}).__nextServer?.stop()
}
