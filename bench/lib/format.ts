/** How the targets and the report write the bench's figures. */
import {percentile, round} from './stats'

export const pct = (ratio: number) => `${round(ratio * 100)}%`
export const ms = (value: number) => `${round(value)} ms`
export const count = (value: number) => Math.round(value).toLocaleString('en-US')
export const kb = (bytes: number) => `${round(bytes / 1000)} kB`
export const terms = (n: number) => `${count(n)} terms`
export const seconds = (value: number | null) => (value === null ? 'never' : `${round(value / 1000)} s`)
/** A run's start as the reports give it: `2026-12-07 02:51 UTC`. */
export const minuteUtc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`
export const median = (samples: number[]) => percentile(samples, 50)
