import {MAX_SIGNATURE_AGE_MS} from './webhook'

/** More deliveries than Sanity sends in a signature's lifetime; the oldest are forgotten first. */
const MAX_REMEMBERED = 10_000

/**
 * The webhook deliveries this instance carried out in the last MAX_SIGNATURE_AGE_MS (after that
 * the signature itself is refused), so a replay is answered without running again. Only carried
 * out deliveries are remembered: Sanity's retry of one that failed must run. Per instance: a
 * replay sent to another instance runs once more there, which refreshes the same tags again.
 */
export function createDeliveryLog(now: () => number = Date.now) {
  const doneAt = new Map<string, number>()
  function forgetOld() {
    for (const [delivery, at] of doneAt) {
      if (now() - at <= MAX_SIGNATURE_AGE_MS && doneAt.size <= MAX_REMEMBERED) break
      doneAt.delete(delivery)
    }
  }
  return {
    isDone(delivery: string): boolean {
      forgetOld()
      return doneAt.has(delivery)
    },
    done(delivery: string) {
      doneAt.set(delivery, now())
      forgetOld()
    },
  }
}

export type DeliveryLog = ReturnType<typeof createDeliveryLog>
