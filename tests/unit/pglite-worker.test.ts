import {startPgliteWorker} from '@/lib/feedback/pglite-driver'

jest.setTimeout(60_000)

/** The longest the main thread's event loop went without a turn while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 10)
  try {
    await work()
  } finally {
    clearInterval(ticker)
  }
  return longest
}

describe('PGlite in a worker thread', () => {
  it('leaves the main thread free while a slow statement runs', async () => {
    const driver = await startPgliteWorker()
    try {
      const stall = await longestStall(() => driver.query('SELECT pg_sleep(1.5)'))
      expect(stall).toBeLessThan(200)
    } finally {
      await driver.close()
    }
  })

  it('answers a statement that outlasts its timeout with an error, and keeps serving after it', async () => {
    const driver = await startPgliteWorker({statementTimeoutMs: 300})
    try {
      await expect(driver.query('SELECT pg_sleep(1)')).rejects.toThrow('did not answer within 300 ms')
      // It answers again once the sleeping statement is over: a second, longer on a busy machine.
      let answer: unknown
      for (const deadline = Date.now() + 5000; answer === undefined && Date.now() < deadline;) {
        answer = await driver.query('SELECT 1 AS one').catch(() => undefined)
      }
      expect(answer).toEqual([{one: 1}])
    } finally {
      await driver.close()
    }
  })

  it('commits a transaction whole, or rolls all of it back', async () => {
    const driver = await startPgliteWorker()
    try {
      await driver.exec('CREATE TABLE kept (n integer)')
      await driver.transaction(async (tx) => {
        await tx.query('INSERT INTO kept VALUES ($1)', [1])
        await tx.query('INSERT INTO kept VALUES ($1)', [2])
      })
      await expect(
        driver.transaction(async (tx) => {
          await tx.query('INSERT INTO kept VALUES ($1)', [3])
          await tx.query('INSERT INTO no_such_table VALUES (1)')
        }),
      ).rejects.toThrow(/no_such_table/)
      await expect(driver.query('SELECT n FROM kept ORDER BY n')).resolves.toEqual([{n: 1}, {n: 2}])
    } finally {
      await driver.close()
    }
  })

  it('refuses calls once closed', async () => {
    const driver = await startPgliteWorker()
    await driver.close()
    await expect(driver.query('SELECT 1')).rejects.toThrow('stopped')
  })
})
