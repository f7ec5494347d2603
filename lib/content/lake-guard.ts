/**
 * What the site does when the Content Lake fails (docs/operations.md "When the Content Lake
 * fails"): every query gets a time budget with at most one retry inside it, a 429's Retry-After is
 * obeyed, and after repeated failures a breaker stops calling the lake for a cool-down, so readers
 * get an answer at once instead of waiting on a lake that is down. After the cool-down one query
 * is let through as a probe; when it succeeds the breaker closes.
 *
 * A query may be answered by a cache in front of the lake (Next's data cache) without reaching it:
 * such an answer says nothing about the lake, so only answers that reached it close the breaker or
 * end an outage. While the breaker is open, queries are still asked of that cache (with a signal
 * already aborted, so nothing can reach the lake): stale beats an error.
 */

export type FailureKind = 'refused' | 'timeout' | 'server_error' | 'rate_limited' | 'network'

/** The lake cannot answer now: the site answers 503 with Retry-After, or serves what it has cached. */
export class ContentUnavailableError extends Error {
  override name = 'ContentUnavailableError'

  constructor(
    readonly kind: FailureKind,
    readonly retryAfterSeconds: number,
  ) {
    super(`The Content Lake is unavailable (${kind.replace('_', ' ')}).`)
    // Expected in an outage, and logged once per outage: no stack to print per request.
    this.stack = `${this.name}: ${this.message}`
  }
}

type Failure = {kind: FailureKind; retryAfterMs: number | null; reason: string}

/** The pause before the one retry when the lake did not say how long to wait. */
const RETRY_PAUSE_MS = 100

/** Network codes of a lake that cannot be reached at all. */
const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

function retryAfterMs(headers: unknown): number | null {
  const value = (headers as Record<string, unknown> | undefined)?.['retry-after']
  if (typeof value !== 'string') return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

/**
 * Whether an error means the lake failed (down, hung, overloaded), and how; null for anything
 * else (a query the lake refused as wrong, a missing permission), which a retry would not mend.
 */
export function classifyFailure(error: unknown): Failure | null {
  if (typeof error !== 'object' || error === null) return null
  const {name, statusCode, response, cause} = error as {
    name?: unknown
    statusCode?: unknown
    response?: {headers?: unknown}
    cause?: {code?: unknown}
  }
  if (typeof statusCode === 'number') {
    if (statusCode === 429) {
      return {kind: 'rate_limited', retryAfterMs: retryAfterMs(response?.headers), reason: 'HTTP 429'}
    }
    if (statusCode >= 500) return {kind: 'server_error', retryAfterMs: null, reason: `HTTP ${statusCode}`}
    return null
  }
  const code = typeof cause?.code === 'string' ? cause.code : null
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {kind: 'timeout', retryAfterMs: null, reason: code ?? 'no answer in time'}
  }
  // Node's fetch rejects with `TypeError: fetch failed` and the network error as its cause.
  if (code !== null || (name === 'TypeError' && (error as Error).message === 'fetch failed')) {
    return {
      kind: code !== null && REFUSED.has(code) ? 'refused' : 'network',
      retryAfterMs: null,
      reason: code ?? 'network error',
    }
  }
  return null
}

/**
 * One try at a query: `signal` aborts it when the budget is spent; the query calls `reachedLake`
 * when it goes to the lake rather than being answered from a cache.
 */
export type Attempt<Result> = (lake: {signal: AbortSignal; reachedLake: () => void}) => Promise<Result>

export type LakeGuardOptions = {
  timeoutMs: number
  failuresToOpen: number
  cooldownSeconds: number
  /** A query failed because the lake did: for metrics. */
  onFailure: (kind: FailureKind) => void
  /** A query is answered with `error` (the lake failed for `reason`, or the breaker is open). */
  onUnavailable: (error: ContentUnavailableError, reason: string) => void
  /** The lake answered again after failures. */
  onRecovered: () => void
  now?: () => number
}

export type LakeGuard = {
  run<Result>(attempt: Attempt<Result>): Promise<Result>
  /**
   * closed: calling the lake, which answered last; failing: calling it, but its last query failed
   * (fewer failures than open the breaker, or a cool-down over and no probe answered yet); open:
   * not calling it until the cool-down ends; probing: one query is finding out.
   */
  state(): 'closed' | 'failing' | 'open' | 'probing'
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), {once: true})
  })

export function createLakeGuard(options: LakeGuardOptions): LakeGuard {
  const now = options.now ?? Date.now
  let failuresInARow = 0
  let openUntil = 0
  let lastFailure: Failure | null = null
  let probing = false

  const state = () =>
    probing ? 'probing' : now() < openUntil ? 'open' : failuresInARow > 0 ? 'failing' : 'closed'

  function unavailable(failure: Failure): ContentUnavailableError {
    const seconds = Math.max(1, Math.ceil((openUntil - now()) / 1000))
    const error = new ContentUnavailableError(failure.kind, seconds)
    options.onUnavailable(error, failure.reason)
    return error
  }

  function failed(failure: Failure) {
    options.onFailure(failure.kind)
    failuresInARow++
    lastFailure = failure
    const asked = failure.retryAfterMs ?? 0
    if (probing || failuresInARow >= options.failuresToOpen) {
      openUntil = now() + Math.max(options.cooldownSeconds * 1000, asked)
    } else if (asked > 0) {
      // A 429 says when to come back: not before, breaker or not.
      openUntil = now() + asked
    }
  }

  function answered() {
    if (failuresInARow > 0) options.onRecovered()
    failuresInARow = 0
    openUntil = 0
    lastFailure = null
  }

  /** One attempt and, if the lake failed in a way a retry may mend and time is left, one more. */
  async function attempts<Result>(attempt: Attempt<Result>): Promise<{result: Result; reached: boolean}> {
    const budget = new AbortController()
    const deadline = now() + options.timeoutMs
    const timer = setTimeout(
      () => budget.abort(new DOMException('The Content Lake did not answer in time.', 'TimeoutError')),
      options.timeoutMs,
    )
    try {
      for (let tries = 1; ; tries++) {
        let reached = false
        try {
          const result = await attempt({signal: budget.signal, reachedLake: () => (reached = true)})
          return {result, reached}
        } catch (error) {
          const failure = classifyFailure(budget.signal.aborted ? budget.signal.reason : error)
          if (!failure) throw error
          const pause = failure.retryAfterMs ?? RETRY_PAUSE_MS
          if (tries > 1 || budget.signal.aborted || deadline - now() - pause < RETRY_PAUSE_MS) {
            throw Object.assign(new Error(failure.reason), {failure})
          }
          await sleep(pause, budget.signal)
        }
      }
    } finally {
      clearTimeout(timer)
    }
  }

  /** While the breaker is open: what a cache in front of the lake holds, or unavailable at once. */
  async function fromCacheOnly<Result>(attempt: Attempt<Result>, failure: Failure): Promise<Result> {
    const closed = new AbortController()
    closed.abort(new DOMException('The Content Lake breaker is open.', 'AbortError'))
    try {
      return await attempt({signal: closed.signal, reachedLake: () => {}})
    } catch {
      throw unavailable(failure)
    }
  }

  return {
    state,
    async run(attempt) {
      // Open, or another query is finding out whether the lake is back.
      // (Only a failure opens the breaker or starts a probe, so there is one to report.)
      const current = state()
      if (current === 'open' || current === 'probing') return fromCacheOnly(attempt, lastFailure!)
      // The first query after a cool-down is the probe.
      const isProbe = failuresInARow >= options.failuresToOpen
      if (isProbe) probing = true
      try {
        const {result, reached} = await attempts(attempt)
        if (reached) answered()
        return result
      } catch (error) {
        const failure = (error as {failure?: Failure}).failure
        if (!failure) {
          // The lake answered (with a refusal a retry would not mend): it is up.
          answered()
          throw error
        }
        failed(failure)
        throw unavailable(failure)
      } finally {
        if (isProbe) probing = false
      }
    },
  }
}
