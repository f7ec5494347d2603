/**
 * Hostile traffic against a server of its own, at the large size (docs/security.md "Hostile
 * traffic"): invented URLs on every dynamic route (what they leave on disk and in memory), one
 * address voting under a thousand User-Agents, and the private summary over 300,000 stored votes
 * (its latency, and a cached page's latency while it is asked for 20 at a time).
 */
import {mkdir, readdir, stat} from 'node:fs/promises'
import path from 'node:path'

import {startPgliteWorker} from '@/lib/feedback/pglite-driver'
import {createFeedbackStore} from '@/lib/feedback/store'
import {awayFromMinuteBoundary} from '@/tests/support/rate-window'
import {request} from '@/bench/lib/http'
import {settledRssBytes, startApp, waitUntilSettled, type AppEnv} from '@/bench/lib/next-app'
import type {HostileResult} from '@/bench/lib/results'
import {percentile} from '@/bench/lib/stats'
import {measureLoad, type LoadSettings} from '@/bench/lib/wrk'
import {summaryRequest, vote, SUMMARY_PATH} from './feedback'

/** The dynamic routes, each with a made-up name. */
const ROUTES = [
  (name: string) => `/glossary/${name}`,
  (name: string) => `/glossary/${name}.md`,
  (name: string) => `/embed/glossary/${name}`,
  (name: string) => `/guides/${name}`,
  (name: string) => `/authors/${name}`,
  (name: string) => `/glossary/category/${name}`,
  (name: string) => `/glossary/letter/${name}`,
  (name: string) => `/api/terms/${name}`,
  (name: string) => `/glossary/${name}/opengraph-image-1srw27`,
]

const inventedUrls = (count: number, prefix: string) =>
  Array.from({length: count}, (_, i) => ROUTES[i % ROUTES.length]!(`${prefix}-${i.toString(36)}`))

async function folderBytes(folder: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(folder, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return total
}

/** Sends `urls` 20 at a time; counts the 404s and those with a body. */
async function sendAll(appUrl: string, urls: string[]) {
  let notFound = 0
  let withBody = 0
  for (let i = 0; i < urls.length; i += 20) {
    // A request that fails outright counts as neither.
    const answers = await Promise.all(
      urls.slice(i, i + 20).map((url) => request(`${appUrl}${url}`).catch(() => null)),
    )
    notFound += answers.filter((answer) => answer?.status === 404).length
    withBody += answers.filter((answer) => answer && answer.body.length > 20).length
  }
  return {notFound, withBody}
}

/** Stores `votes` votes over `termIds` in a new PGlite folder, migrated by the real store. */
async function seedVotes(dataDir: string, termIds: string[], votes: number) {
  await mkdir(dataDir, {recursive: true})
  // Nothing else has the folder open yet; the bulk insert needs longer than a vote's time limit.
  const driver = await startPgliteWorker({dataDir: path.join(dataDir, 'pgdata'), statementTimeoutMs: 600_000})
  try {
    await createFeedbackStore(driver)
    // A vote per generated reader, each counted by the trigger as a posted vote is.
    await driver.query(
      `INSERT INTO feedback_votes (term_id, term_rev, reader_hash, vote, reason)
       SELECT ($1::text[])[1 + i % array_length($1::text[], 1)], 'seeded', 'seed-' || i,
              CASE WHEN i % 4 = 0 THEN 'no' ELSE 'yes' END,
              CASE WHEN i % 7 = 0 THEN 'clear' END
       FROM generate_series(1, $2::integer) AS i`,
      [termIds, votes],
    )
  } finally {
    await driver.close()
  }
}

export async function measureHostileTraffic(options: {
  app: AppEnv
  port: number
  workDir: string
  termIds: string[]
  settings: LoadSettings
  inventedUrls: number
  seededVotes: number
  addressBudget: number
}): Promise<HostileResult> {
  const dataDir = path.join(options.workDir, 'feedback-hostile')
  await seedVotes(dataDir, options.termIds, options.seededVotes)
  const app = await startApp(
    {
      ...options.app,
      extra: {
        ...options.app.extra,
        FEEDBACK_DATA_DIR: dataDir,
        FEEDBACK_ADDRESS_RATE_LIMIT: String(options.addressBudget),
      },
    },
    options.port,
  )
  try {
    // The feedback database (300,000 votes here) opens in its worker after ready, hundreds of MiB:
    // measured memory must not straddle that.
    await waitUntilSettled(app.server)
    // Invented URLs: a first round brings the server to its working size, the second is measured,
    // by what the server still holds once idle (settledRssBytes).
    await sendAll(app.url, inventedUrls(Math.max(2000, options.inventedUrls / 2), 'warm-up'))
    const diskBefore = await folderBytes(options.app.distDir)
    const memoryBefore = await settledRssBytes(app.server)
    const invented = await sendAll(app.url, inventedUrls(options.inventedUrls, 'invented'))
    const buildFolderBytes = (await folderBytes(options.app.distDir)) - diskBefore
    const memoryBytes = (await settledRssBytes(app.server)) - memoryBefore

    // One address, a thousand User-Agents, one term. The budget is a clock minute's, so the burst
    // starts early in a minute: one that ran across two would rightly be allowed twice the budget.
    const term = options.termIds[0]!
    await awayFromMinuteBoundary(40)
    const firstMinute = Math.floor(Date.now() / 60_000)
    let stuffed = 0
    for (let i = 0; i < 1000; i += 20) {
      const answers = await Promise.all(
        Array.from({length: 20}, (_, j) => vote(app.url, term, 'no', `stuffer/${i + j}`, '198.18.250.1')),
      )
      stuffed += answers.filter((answer) => answer.status === 200).length
    }
    const minutes = Math.floor(Date.now() / 60_000) - firstMinute + 1

    // The summary over the seeded votes (its first page, as the Studio's tool asks), each call
    // after a vote so none is served from the cache. A process reads every vote count once, on its
    // first summary, and then only the counts that changed: that first one is not timed. Nor is
    // what the bursts before leave running (collecting their garbage): the server settles first.
    await request(`${app.url}${SUMMARY_PATH}`, summaryRequest)
    await waitUntilSettled(app.server)
    const summaryMs: number[] = []
    for (let i = 0; i < 40; i++) {
      await vote(app.url, options.termIds[i % options.termIds.length]!, 'yes', `summary-reader/${i}`)
      const answer = await request(`${app.url}${SUMMARY_PATH}`, summaryRequest)
      if (answer.status !== 200) throw new Error(`the summary answered ${answer.status}`)
      summaryMs.push(answer.ms)
    }

    // A cached page alone, then while 20 callers keep asking for the summary.
    const pageUrl = `${app.url}/glossary`
    const idle = await measureLoad(pageUrl, options.settings)
    let asking = true
    let summaryCalls = 0
    const callers = Array.from({length: 20}, async () => {
      while (asking) {
        // A reset kept-alive connection is retried by the next turn of the loop.
        await request(`${app.url}${SUMMARY_PATH}`, summaryRequest).then(
          () => summaryCalls++,
          () => {},
        )
      }
    })
    const busy = await measureLoad(pageUrl, options.settings)
    asking = false
    await Promise.all(callers)

    return {
      invented: {urls: options.inventedUrls, ...invented, buildFolderBytes, memoryBytes},
      stuffing: {votes: 1000, stored: stuffed, budget: options.addressBudget, minutes},
      summary: {
        votes: options.seededVotes,
        p50Ms: percentile(summaryMs, 50),
        p95Ms: percentile(summaryMs, 95),
        pageIdleP99Ms: idle.p99Ms,
        pageBusyP99Ms: busy.p99Ms,
        pageLoad: {idle, busy},
        summaryCallsDuringLoad: summaryCalls,
      },
    }
  } finally {
    await app.server.stop()
  }
}
