/** Percentiles and summaries of latency samples (milliseconds). */

/**
 * The p-th percentile (0–100) of the samples, interpolating linearly between the two nearest
 * ranks (the definition NumPy and most spreadsheets use). NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (p < 0 || p > 100) throw new RangeError(`percentile must be between 0 and 100, got ${p}`)
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const lower = Math.floor(rank)
  const upper = Math.ceil(rank)
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower)
}

export type Summary = {
  count: number
  min: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

export function summarize(samples: readonly number[]): Summary {
  const count = samples.length
  return {
    count,
    min: count ? Math.min(...samples) : Number.NaN,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: count ? Math.max(...samples) : Number.NaN,
    mean: count ? samples.reduce((sum, value) => sum + value, 0) / count : Number.NaN,
  }
}

/** Rounds for reports: 2 significant decimals below 10, 1 below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value
  const magnitude = Math.abs(value)
  const digits = magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0
  return Number(value.toFixed(digits))
}
