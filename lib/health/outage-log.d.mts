export type OutageLogger = {
  error(fields: {dependency: string; reason: string} & Record<string, unknown>, message: string): void
  info(fields: {dependency: string; ms: number; requests: number}, message: string): void
}

export type OutageLog = {
  readonly down: boolean
  /** One failed request; the first of an outage is logged, with `fields` (what kind of failure). */
  failed(error: unknown, fields?: Record<string, unknown>): void
  recovered(): void
}

export function createOutageLog(name: string, log?: OutageLogger, now?: () => number): OutageLog
