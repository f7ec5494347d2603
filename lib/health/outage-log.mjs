import {log as logger} from '../observability/log.mjs'
import {dependencyDown, dependencyUp} from './status.mjs'

/**
 * Logs a dependency going down once, and coming back once, however many requests see the outage
 * in between: a database that is down for a minute should not write thousands of identical lines.
 * Readiness shows the instance as degraded meanwhile. Plain JavaScript: the cache handler uses it too.
 */
export function createOutageLog(name, log = logger) {
  let down = false
  dependencyUp(name)
  return {
    get down() {
      return down
    },
    failed(error) {
      if (down) return
      down = true
      dependencyDown(name)
      const reason = error instanceof Error ? error.message : String(error)
      log.error({dependency: name, reason}, `${name} unavailable`)
    },
    recovered() {
      if (!down) return
      down = false
      dependencyUp(name)
      log.info({dependency: name}, `${name} available again`)
    },
  }
}
