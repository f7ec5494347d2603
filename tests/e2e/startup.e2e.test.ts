import {startNextServer} from './support/server'

/**
 * A broken embedded dataset must stop the server at start-up with a message naming the file,
 * line and document, not surface later as a failing page.
 */
describe('server start-up with a broken dataset', () => {
  it.each([
    [
      'a dangling reference',
      'tests/fixtures/dangling-reference.ndjson',
      /dangling-reference\.ndjson:5: document "term-beta" refers to missing document "term-gone"/,
    ],
    [
      'a missing file',
      'tests/fixtures/no-such-dataset.ndjson',
      /no-such-dataset\.ndjson: cannot read the embedded dataset \(ENOENT\)/,
    ],
  ])('stops on %s', async (_, file, message) => {
    const port = Number(process.env.E2E_PORT ?? 3210) + 50
    const started = startNextServer(port, {CONTENT_DATASET_FILE: file})
    await expect(started).rejects.toThrow(/next start exited with 1/)
    await expect(started).rejects.toThrow(message)
  })
})
