/**
 * Logs a dependency going down once, and coming back once, however many requests see the outage
 * in between: a database that is down for a minute should not write thousands of identical lines.
 */
export function createOutageLog(name: string, log: Pick<Console, 'error' | 'info'> = console) {
  let down = false
  return {
    failed(error: unknown) {
      if (down) return
      down = true
      log.error(`[${name}] unavailable: ${error instanceof Error ? error.message : String(error)}`)
    },
    recovered() {
      if (!down) return
      down = false
      log.info(`[${name}] available again`)
    },
  }
}

export type OutageLog = ReturnType<typeof createOutageLog>
