import {percentile, round, summarize} from '@/bench/lib/stats'
import {parseWrkOutput} from '@/bench/lib/wrk'

describe('percentile', () => {
  it('interpolates between the two nearest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5)
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20)
    expect(percentile([10, 20], 90)).toBeCloseTo(19)
  })

  it('gives the smallest and largest sample at 0 and 100', () => {
    expect(percentile([5, 1, 9], 0)).toBe(1)
    expect(percentile([5, 1, 9], 100)).toBe(9)
  })

  it('does not depend on the order of the samples, nor reorder them', () => {
    const samples = [9, 3, 7, 1, 5]
    expect(percentile(samples, 50)).toBe(5)
    expect(samples).toEqual([9, 3, 7, 1, 5])
  })

  it('reads p99 of 1..100 as 99.01 and p95 as 95.05', () => {
    const samples = Array.from({length: 100}, (_, i) => i + 1)
    expect(percentile(samples, 99)).toBeCloseTo(99.01)
    expect(percentile(samples, 95)).toBeCloseTo(95.05)
  })

  it('is NaN without samples and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile([1], 101)).toThrow(RangeError)
    expect(() => percentile([1], -1)).toThrow(RangeError)
  })
})

describe('summarize', () => {
  it('reports count, extremes, percentiles and mean', () => {
    const summary = summarize([4, 1, 3, 2])
    expect(summary).toMatchObject({count: 4, min: 1, p50: 2.5, max: 4, mean: 2.5})
    expect(summary.p95).toBeCloseTo(3.85)
    expect(summary.p99).toBeCloseTo(3.97)
  })
})

describe('round', () => {
  it('keeps two decimals below 10, one below 100 and none above', () => {
    expect(round(3.14159)).toBe(3.14)
    expect(round(31.4159)).toBe(31.4)
    expect(round(314.159)).toBe(314)
    expect(round(Number.NaN)).toBeNaN()
  })
})

describe('parseWrkOutput', () => {
  const output = [
    'Running 3s test @ http://127.0.0.1:3230/glossary/backlink',
    '  1 threads and 32 connections',
    'WRK_JSON {"requests":6000,"durationUs":3000000,"bytes":480000000,"errors":{"connect":0,"read":0,"write":0,"status":2,"timeout":1},"latencyUs":{"p50":15000,"p90":20000,"p99":41000,"max":90000,"mean":16000.5}}',
  ].join('\n')

  it('turns the Lua report into requests per second and milliseconds', () => {
    expect(parseWrkOutput(output)).toEqual({
      requests: 6000,
      reqPerSec: 2000,
      p50Ms: 15,
      p90Ms: 20,
      p99Ms: 41,
      maxMs: 90,
      errors: 3,
      mbPerSec: 160,
    })
  })

  it('fails when wrk printed no report', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:3230 Connection refused')).toThrow(
      /no report/,
    )
  })
})
