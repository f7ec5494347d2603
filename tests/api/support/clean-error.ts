/** What every bad request must get: a 4xx, a JSON `{error}` in plain words, and no trace of internals. */
export async function expectCleanError(response: Response, status?: number) {
  if (status) expect(response.status).toBe(status)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const text = await response.text()
  const body = JSON.parse(text) as {error?: unknown}
  expect(typeof body.error).toBe('string')
  expect((body.error as string).length).toBeGreaterThan(0)
  expect(text).not.toMatch(/\n\s+at |\bat .+\(.+:\d+:\d+\)|node_modules|\.tsx?:\d+|Error:/)
}

/** A string that is not valid UTF-8 once decoded leniently: lone surrogates and replacement bytes. */
export const BROKEN_UNICODE = '\uD800bad\uDFFF\uFFFD'
