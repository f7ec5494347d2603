import {dependencyDown, dependencyUp} from '../health/status.mjs'

/**
 * Logs a dependency going down once, and coming back once, however many requests see the outage
 * in between: a database that is down for a minute should not write thousands of identical lines.
 * Readiness shows the instance as degraded meanwhile.
 */
export function createOutageLog(name: string, log: Pick<Console, 'error' | 'info'> = console) {
  let down = false
  return {
    failed(error: unknown) {
      if (down) return
      down = true
      dependencyDown(name)
      log.error(`[${name}] unavailable: ${error instanceof Error ? error.message : String(error)}`)
    },
    recovered() {
      if (!down) return
      down = false
      dependencyUp(name)
      log.info(`[${name}] available again`)
    },
  }
}

export type OutageLog = ReturnType<typeof createOutageLog>
