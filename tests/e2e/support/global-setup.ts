import {FAKE_SECRETS} from './fake-secrets'
import {startNextServer} from './server'

/** One built site for the whole browser suite; its address reaches the tests through the env. */
export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3210)
  const server = await startNextServer(port, FAKE_SECRETS)
  ;(globalThis as {__nextServer?: typeof server}).__nextServer = server
  process.env.E2E_BASE_URL = server.url
}
