/**
 * Runs once when a server process starts (Node-only work is imported inside the Node.js branch, so
 * the Edge build never sees it). `next start` run directly under an old system Node stops here
 * with one line. The embedded dataset is loaded here, so a malformed line, a missing file or a
 * dangling reference stops start-up with a message naming the file, line and document, instead
 * of failing on some visitor's request later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const {requireSupportedNode} = await import('./lib/runtime/node-version.mjs')
  requireSupportedNode('npm start')
  const {prepareServer} = await import('./lib/server-startup')
  await prepareServer()
}
