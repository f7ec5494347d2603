import {log as logger} from '../observability/log.mjs'
import {dependencyDown, dependencyUp} from './status.mjs'

/**
 * Logs a dependency going down once, and coming back once with how long it was gone and how many
 * requests it failed meanwhile, however many there were: a database that is down for a minute
 * should not write thousands of identical lines. Readiness shows the instance as degraded
 * meanwhile. Plain JavaScript: the cache handler uses it too.
 */
export function createOutageLog(name, log = logger, now = Date.now) {
  let since = null
  let requests = 0
  dependencyUp(name)
  return {
    get down() {
      return since !== null
    },
    failed(error, fields = {}) {
      requests++
      if (since !== null) return
      since = now()
      dependencyDown(name)
      const reason = error instanceof Error ? error.message : String(error)
      log.error({dependency: name, ...fields, reason}, `${name} unavailable`)
    },
    recovered() {
      if (since === null) return
      log.info({dependency: name, ms: now() - since, requests}, `${name} available again`)
      since = null
      requests = 0
      dependencyUp(name)
    },
  }
}
