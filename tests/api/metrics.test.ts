/**
 * GET /api/metrics: hidden without METRICS_TOKEN, refused without the token, and with it the
 * Prometheus text that promtool accepts, whose counters move with what readers do.
 */
import {spawnSync} from 'node:child_process'

import {POST as vote} from '@/app/api/feedback/route'
import {GET as metricsRoute} from '@/app/api/metrics/route'
import {GET as search} from '@/app/api/search/route'

import {jsonVote} from '@/tests/support/feedback-requests'

const TOKEN = 'unit-metrics-token'
const scrape = (authorization?: string) =>
  metricsRoute(
    new Request('http://localhost/api/metrics', {
      headers: authorization ? {Authorization: authorization} : {},
    }),
  )

/** The value of one sample in the exposition text (0 when the series is not there yet). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

const hasPromtool = spawnSync('sh', ['-c', 'command -v promtool']).status === 0

describe('GET /api/metrics', () => {
  afterEach(() => delete process.env.METRICS_TOKEN)

  it('does not exist while METRICS_TOKEN is unset', async () => {
    const response = await scrape(`Bearer ${TOKEN}`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({error: 'Not found.'})
  })

  it('refuses a request without the token or with another one, in JSON', async () => {
    process.env.METRICS_TOKEN = TOKEN
    for (const authorization of [undefined, 'Bearer wrong-token', TOKEN, `Basic ${TOKEN}`]) {
      const response = await scrape(authorization)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect((await response.json()).error).toMatch(/METRICS_TOKEN/)
    }
  })

  it('counts searches and refused votes, and names no raw input in any label', async () => {
    process.env.METRICS_TOKEN = TOKEN
    const hits = 'glossary_search_queries_total{kind="suggestions",result="hit"}'
    const misses = 'glossary_search_queries_total{kind="suggestions",result="miss"}'
    const invalid = 'glossary_feedback_votes_total{outcome="invalid"}'
    const before = await (await scrape(`Bearer ${TOKEN}`)).text()

    await search(new Request('http://localhost/api/search?q=backlink'))
    for (const words of ['zz-invented-1', 'zz-invented-2']) {
      await search(new Request(`http://localhost/api/search?q=${words}`))
    }
    await vote(jsonVote({term: 'backlink', vote: 'sideways'}))

    const response = await scrape(`Bearer ${TOKEN}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await response.text()
    expect(sample(text, hits) - sample(before, hits)).toBe(1)
    expect(sample(text, misses) - sample(before, misses)).toBe(2)
    expect(sample(text, invalid) - sample(before, invalid)).toBe(1)
    expect(text).not.toMatch(/zz-invented|sideways/)
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'glossary_content_query_duration_seconds_bucket',
    ]) {
      expect(text).toContain(name)
    }
  })

  ;(hasPromtool ? it : it.skip)('passes `promtool check metrics`', async () => {
    process.env.METRICS_TOKEN = TOKEN
    await search(new Request('http://localhost/api/search?q=backlink'))
    const text = await (await scrape(`Bearer ${TOKEN}`)).text()
    const check = spawnSync('promtool', ['check', 'metrics'], {input: text, encoding: 'utf8'})
    expect(check.stderr + check.stdout).toBe('')
    expect(check.status).toBe(0)
  })
})
