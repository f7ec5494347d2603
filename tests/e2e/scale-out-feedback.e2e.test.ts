/**
 * Two instances sharing feedback on PostgreSQL (tests/e2e/support/two-instances.ts): votes stored
 * once whichever instance takes them, one rate limit across both, and metrics that Prometheus
 * scrapes from each and that stay bounded under invented URLs.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'

import {rawRequest} from './support/http'
import {startPrometheus} from './support/prometheus'
import type {RunningServer} from './support/server'
import {expect, test} from './support/test'
import {ADMIN_TOKEN, describeTwoInstances, METRICS_TOKEN, RATE_LIMIT} from './support/two-instances'

describeTwoInstances('two instances behind nginx, sharing feedback on PostgreSQL', (two) => {
  test('stores each of 200 readers’ votes once, alternating instances, and limits a reader on both', async () => {
    const voteFrom = (instance: RunningServer, reader: string, vote: 'yes' | 'no') =>
      rawRequest(`${instance.url}/api/feedback`, {
        method: 'POST',
        headers: {'content-type': 'application/json', 'x-forwarded-for': reader, 'user-agent': 'scale-out'},
        body: JSON.stringify({term: 'serp', vote}),
      })
    // Each reader is an address (Next keeps an X-Forwarded-For it is given); one in four says no.
    const readers = Array.from({length: 200}, (_, index) => `198.18.${index >> 8}.${index & 255}`)
    const answers = await Promise.all(
      readers.map((reader, index) =>
        voteFrom(index % 2 ? two.instances.b : two.instances.a, reader, index % 4 ? 'yes' : 'no'),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(readers.map(() => 200))
    const summary = await rawRequest(`${two.instances.b.url}/api/feedback/summary`, {
      headers: {authorization: `Bearer ${ADMIN_TOKEN}`},
    })
    const serp = (
      JSON.parse(summary.body) as {terms: {slug: string; allRevisions: {yes: number; no: number}}[]}
    ).terms.find((term) => term.slug === 'serp')
    expect(serp?.allRevisions).toMatchObject({yes: 150, no: 50})

    // One reader uses up the minute's writes on A; B refuses the next one.
    const reader = '192.0.2.99'
    const intoMinute = Date.now() % 60_000
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute))
    for (let write = 0; write < RATE_LIMIT; write++) {
      expect((await voteFrom(two.instances.a, reader, 'yes')).status).toBe(200)
    }
    expect((await voteFrom(two.instances.b, reader, 'yes')).status).toBe(429)
  })

  test('is scraped by Prometheus on both instances, whose vote counters add up to the votes stored', async () => {
    const prometheus = await startPrometheus(
      path.join(two.scratch, 'prometheus'),
      [two.instances.a.url, two.instances.b.url].map((url) => new URL(url).host),
      METRICS_TOKEN,
    )
    const storedVotes = async () =>
      (await prometheus.query('sum(glossary_feedback_votes_total{outcome="stored"})'))[0]?.value ?? 0
    try {
      await expect
        .poll(async () => (await prometheus.query('up{job="glossary"}')).map((series) => series.value), {
          message: 'both instances up in Prometheus',
          timeout: 15_000,
          intervals: [250],
        })
        .toEqual([1, 1])
      // Two more scrapes: what the earlier tests stored is in.
      await new Promise((resolve) => setTimeout(resolve, 2500))
      const before = await storedVotes()

      const votes = 6
      for (let vote = 0; vote < votes; vote++) {
        const answer = await rawRequest(
          `${(vote % 2 ? two.instances.b : two.instances.a).url}/api/feedback`,
          {
            method: 'POST',
            headers: {'content-type': 'application/json', 'x-forwarded-for': `198.19.7.${vote}`},
            body: JSON.stringify({term: 'backlink', vote: 'yes'}),
          },
        )
        expect(answer.status).toBe(200)
      }
      await expect
        .poll(storedVotes, {message: `${votes} more stored votes`, timeout: 15_000, intervals: [250]})
        .toBe(before + votes)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await storedVotes()).toBe(before + votes)
    } finally {
      await prometheus.stop()
    }
  })

  test('shows metrics only to the token holder, never through nginx, in a form promtool accepts', async () => {
    for (const instance of [two.instances.a, two.instances.b]) {
      const scraped = await rawRequest(`${instance.url}/api/metrics`, {
        headers: {authorization: `Bearer ${METRICS_TOKEN}`},
      })
      expect(scraped.status).toBe(200)
      const check = spawnSync('promtool', ['check', 'metrics'], {input: scraped.body, encoding: 'utf8'})
      expect([check.status, check.stdout + check.stderr]).toEqual([0, ''])
      expect((await rawRequest(`${instance.url}/api/metrics`)).status).toBe(401)
    }
    const throughProxy = await rawRequest(`${two.proxy}/api/metrics`, {
      headers: {authorization: `Bearer ${METRICS_TOKEN}`},
    })
    expect(throughProxy.status).toBe(404)
  })

  test('adds at most a handful of series for 1,000 invented URLs', async () => {
    const series = async () =>
      new Set(
        (
          await rawRequest(`${two.instances.a.url}/api/metrics`, {
            headers: {authorization: `Bearer ${METRICS_TOKEN}`},
          })
        ).body
          .split('\n')
          .filter((line) => line && !line.startsWith('#'))
          // One series per metric and label set: a histogram's buckets, sum and count count once.
          .map((line) =>
            line
              .slice(0, line.lastIndexOf(' '))
              .replace(/_(bucket|sum|count)\b/, '')
              .replace(/le="[^"]*",?/, ''),
          ),
      )
    const invented = (n: number) => [
      `/glossary/made-up-${n}`,
      `/no/such/page-${n}`,
      `/api/terms/made-up-${n}`,
    ]
    // The first of each kind may add its route's 404 series; the rest must add none.
    for (const pathname of invented(1000)) await rawRequest(two.instances.a.url + pathname)
    await series()
    // A request is counted as its response finishes, a moment after the client has it.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const before = await series()
    for (let n = 0; n < 1000; n += 10) {
      await Promise.all(
        Array.from({length: 10}, (_, k) => rawRequest(two.instances.a.url + invented(n + k)[(n + k) % 3])),
      )
    }
    const added = [...(await series())].filter((name) => !before.has(name))
    expect(added.join('\n')).not.toMatch(/made-up|page-/)
    // A few may appear meanwhile (a kind of GC not seen before, the URL gate's names query).
    expect(added.length <= 3 ? [] : added).toEqual([])
  })
})
