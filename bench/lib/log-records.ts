/**
 * A server's JSON log lines (lib/observability/log.mjs), parsed; Next's own plain lines are left
 * out. The bench reads the "ready" line, the browser suite every line it checks.
 */
export function logRecords(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.trim().startsWith('{')) return []
    try {
      return [JSON.parse(line) as Record<string, unknown>]
    } catch {
      return []
    }
  })
}
