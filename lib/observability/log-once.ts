import {log as logger} from './log.mjs'

const logged = new Set<string>()

/**
 * Logs a message the first time this process meets it: a setting missing on a public route would
 * otherwise write a line per anonymous request.
 */
export function logOnce(message: string, log: Pick<typeof logger, 'error'> = logger) {
  if (logged.has(message)) return
  logged.add(message)
  log.error(message)
}
