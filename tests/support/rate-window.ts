/**
 * Rate limits count writes per clock minute. A test that fills a window waits out the last
 * `seconds` of a minute first, so the window cannot roll over halfway through it (two windows
 * would let twice the budget through).
 */
export async function awayFromMinuteBoundary(seconds = 5) {
  const intoMinute = Date.now() % 60_000
  if (intoMinute > 60_000 - seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100))
  }
}
