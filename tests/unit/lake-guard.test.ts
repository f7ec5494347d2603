import {ContentUnavailableError, createLakeGuard, type LakeGuardOptions} from '@/lib/content/lake-guard'

const refused = () => Object.assign(new TypeError('fetch failed'), {cause: {code: 'ECONNREFUSED'}})
const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {statusCode, response: {headers}})

/** A query to a lake that never answers: it ends only when its signal aborts, as fetch does. */
const hung = ({signal}: {signal: AbortSignal}) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason))
  })

/** A query that goes to the lake, which answers `outcome` (a value, or an error to throw). */
const fromLake = <T>(outcome: () => Promise<T>) =>
  jest.fn(async ({reachedLake}: {reachedLake: () => void}) => {
    reachedLake()
    return outcome()
  })

function guardWith(settings: Partial<LakeGuardOptions> = {}) {
  const events = {failures: [] as string[], unavailable: [] as ContentUnavailableError[], recovered: 0}
  const guard = createLakeGuard({
    timeoutMs: 400,
    failuresToOpen: 2,
    cooldownSeconds: 1,
    onFailure: (kind) => events.failures.push(kind),
    onUnavailable: (error) => events.unavailable.push(error),
    onRecovered: () => events.recovered++,
    ...settings,
  })
  return {guard, events}
}

async function timed<T>(promise: Promise<T>) {
  const began = performance.now()
  const outcome = await promise.then(
    (value) => ({value, error: undefined}),
    (error: unknown) => ({value: undefined, error}),
  )
  return {...outcome, ms: performance.now() - began}
}

describe('the Content Lake guard', () => {
  it('retries a refused connection once, then answers unavailable', async () => {
    const {guard, events} = guardWith()
    const attempt = fromLake(() => Promise.reject(refused()))
    const {error} = await timed(guard.run(attempt))
    expect(error).toBeInstanceOf(ContentUnavailableError)
    expect(error).toMatchObject({kind: 'refused', retryAfterSeconds: 1})
    // One line, no stack frames, for a log that prints it anyway.
    expect((error as Error).stack).toBe((error as Error).stack!.split('\n')[0])
    expect(attempt).toHaveBeenCalledTimes(2)
    expect(events.failures).toEqual(['refused'])
  })

  it('passes an answer through after one retry, counting no failure', async () => {
    const {guard, events} = guardWith()
    let calls = 0
    const attempt = fromLake(async () => {
      if (++calls === 1) throw httpError(502)
      return 'answer'
    })
    await expect(guard.run(attempt)).resolves.toBe('answer')
    expect(attempt).toHaveBeenCalledTimes(2)
    expect(events.failures).toEqual([])
    expect(events.recovered).toBe(0)
  })

  it('gives up on a hung lake when the budget is spent, without a retry', async () => {
    const {guard} = guardWith()
    const attempt = jest.fn(hung)
    const {error, ms} = await timed(guard.run(attempt))
    expect(error).toMatchObject({name: 'ContentUnavailableError', kind: 'timeout'})
    expect(ms).toBeGreaterThanOrEqual(390)
    expect(ms).toBeLessThan(1000)
    expect(attempt).toHaveBeenCalledTimes(1)
  })

  it('opens after repeated failures, answers at once while open, probes once after the cool-down', async () => {
    const {guard, events} = guardWith()
    const failing = fromLake(() => Promise.reject(httpError(500)))
    await expect(guard.run(failing)).rejects.toMatchObject({kind: 'server_error'})
    expect(guard.state()).toBe('failing')
    await expect(guard.run(failing)).rejects.toMatchObject({kind: 'server_error'})
    expect(guard.state()).toBe('open')

    // While open, a query is tried only with a signal that is already aborted: nothing reaches the lake.
    const lake = jest.fn(hung)
    const whileOpen = await timed(guard.run(lake))
    expect(whileOpen.error).toMatchObject({kind: 'server_error', retryAfterSeconds: 1})
    expect(whileOpen.ms).toBeLessThan(20)
    expect(lake.mock.calls[0]![0].signal.aborted).toBe(true)

    await new Promise((resolve) => setTimeout(resolve, 1050))
    // The cool-down is over, but nothing has found the lake answering yet.
    expect(guard.state()).toBe('failing')
    // The lake is back. One query probes; another at the same moment does not wait on it.
    let answer: (value: string) => void = () => {}
    const back = fromLake(() => new Promise<string>((resolve) => (answer = resolve)))
    const probe = guard.run(back)
    expect(guard.state()).toBe('probing')
    await expect(guard.run(jest.fn(hung))).rejects.toBeInstanceOf(ContentUnavailableError)
    expect(back).toHaveBeenCalledTimes(1)
    answer('fresh')
    await expect(probe).resolves.toBe('fresh')
    expect(guard.state()).toBe('closed')
    expect(events.recovered).toBe(1)
    await expect(guard.run(fromLake(async () => 'again'))).resolves.toBe('again')
  })

  it('serves what a cache holds while open, and a cached answer neither closes the breaker nor ends the outage', async () => {
    const {guard, events} = guardWith({failuresToOpen: 1})
    await expect(guard.run(fromLake(() => Promise.reject(refused())))).rejects.toBeInstanceOf(
      ContentUnavailableError,
    )
    expect(guard.state()).toBe('open')
    // Next's data cache answers without going to the lake, whatever the signal.
    const cached = jest.fn(async () => 'cached page')
    await expect(guard.run(cached)).resolves.toBe('cached page')
    expect(guard.state()).toBe('open')

    await new Promise((resolve) => setTimeout(resolve, 1050))
    // The probe's answer came from the cache: the lake is still unknown, so the next query probes.
    await expect(guard.run(cached)).resolves.toBe('cached page')
    expect(events.recovered).toBe(0)
    expect(guard.state()).toBe('failing')
    const probe = fromLake(async () => 'from the lake')
    await expect(guard.run(probe)).resolves.toBe('from the lake')
    expect(events.recovered).toBe(1)
  })

  it('opens again at once when the probe fails', async () => {
    const {guard} = guardWith({failuresToOpen: 1})
    await expect(guard.run(fromLake(() => Promise.reject(refused())))).rejects.toBeInstanceOf(
      ContentUnavailableError,
    )
    await new Promise((resolve) => setTimeout(resolve, 1050))
    const lake = fromLake(() => Promise.reject(refused()))
    await expect(guard.run(lake)).rejects.toBeInstanceOf(ContentUnavailableError)
    expect(guard.state()).toBe('open')
    expect(lake).toHaveBeenCalledTimes(2) // the probe and its one retry
  })

  it('obeys a 429: no retry past the budget, and no call before Retry-After, breaker or not', async () => {
    const {guard} = guardWith({failuresToOpen: 5})
    const lake = fromLake(() => Promise.reject(httpError(429, {'retry-after': '2'})))
    const first = await timed(guard.run(lake))
    expect(first.error).toMatchObject({kind: 'rate_limited', retryAfterSeconds: 2})
    expect(first.ms).toBeLessThan(100)
    expect(lake).toHaveBeenCalledTimes(1)

    const next = jest.fn(hung)
    await expect(guard.run(next)).rejects.toMatchObject({kind: 'rate_limited'})
    expect(next.mock.calls[0]![0].signal.aborted).toBe(true)
  })

  it('retries a 429 whose Retry-After fits in the budget, after waiting for it', async () => {
    const {guard} = guardWith()
    let calls = 0
    const lake = fromLake(async () => {
      if (++calls === 1) throw httpError(429, {'retry-after': '0.2'})
      return 'ok'
    })
    const {value, ms} = await timed(guard.run(lake))
    expect(value).toBe('ok')
    expect(ms).toBeGreaterThanOrEqual(190)
  })

  it('lets errors a retry would not mend through untouched, as an answering lake', async () => {
    const {guard, events} = guardWith({failuresToOpen: 1})
    const invalid = httpError(400)
    const lake = fromLake(() => Promise.reject(invalid))
    await expect(guard.run(lake)).rejects.toBe(invalid)
    await expect(guard.run(lake)).rejects.toBe(invalid)
    expect(lake).toHaveBeenCalledTimes(2)
    expect(events.failures).toEqual([])
    expect(guard.state()).toBe('closed')
  })
})
