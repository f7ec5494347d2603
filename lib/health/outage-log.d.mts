export type OutageLogger = {
  error(fields: {dependency: string; reason: string}, message: string): void
  info(fields: {dependency: string}, message: string): void
}

export type OutageLog = {
  readonly down: boolean
  failed(error: unknown): void
  recovered(): void
}

export function createOutageLog(name: string, log?: OutageLogger): OutageLog
