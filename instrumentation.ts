/**
 * Runs once when a server process starts. The embedded dataset is loaded here, so a malformed
 * line, a missing file or a dangling reference stops start-up with a message naming the file,
 * line and document, instead of failing on some visitor's request later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const {prepareServer} = await import('./lib/server-startup')
  await prepareServer()
}
