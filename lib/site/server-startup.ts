import 'server-only'

import {subscribe} from 'node:diagnostics_channel'
import type {ServerResponse} from 'node:http'
import {constants} from 'node:os'

import {contentSource, usesEmbeddedDataset} from '@/lib/content'
import {preparePageNames} from '@/lib/content/page-names'
import {markDraining, markReady} from '@/lib/health/status.mjs'
import {recordHttpRequests} from '@/lib/observability/http-metrics'
import {log} from '@/lib/observability/log.mjs'

/**
 * The signal `npm start` (scripts/start.mjs) sends first when asked to stop with a drain delay:
 * readiness turns 503 while pages are still served, and SIGTERM follows after the delay.
 */
const DRAIN_SIGNAL = 'SIGUSR2'

/** How long after ready the feedback database opens: the first pages go out before its work. */
const FEEDBACK_OPENS_AFTER_MS = 1000

/**
 * How long requests still running may take once the feedback database has closed after a stop
 * signal, before the process exits whatever is left: Next's own shutdown waits for every
 * connection, and a client that keeps one busy would otherwise keep the instance up for ever.
 */
const EXIT_DEADLINE_MS = 3000

/** A mistake that makes this instance useless (a broken dataset, a data folder another process owns). */
function stop(reason: string, error: unknown): never {
  log.fatal({reason: (error as Error).message}, reason)
  process.exit(1)
}

/**
 * Everything between `next start` and the first page: only the content, which every page reads.
 * The feedback database opens behind it (a new PGlite folder takes a second or more), so votes
 * wait for it, readers never; readiness turns 200 as soon as pages can be served.
 */
export async function prepareServer() {
  // Which Node serves the site, for operators (and for the test that it is the project's own).
  log.info({node: process.versions.node}, 'starting')
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  recordHttpRequests(distDir)
  // Only the Content Lake can fail a reader's page after start; the embedded dataset is in memory.
  if (!usesEmbeddedDataset()) (await import('@/lib/content/outage-response')).installOutageResponses(distDir)
  let documents: number | null = null
  try {
    documents = await contentSource().warmUp()
    await preparePageNames()
  } catch (error) {
    stop('cannot load the content', error)
  }
  process.on(DRAIN_SIGNAL, markDraining)
  // Next closes the HTTP server on these signals and exits once its connections have ended;
  // readiness answers 503 from now on, every later response ends its connection, and the
  // database closes meanwhile, so a PGlite folder is left clean and unlocked.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      markDraining()
      endEachConnectionAfterItsResponse()
      import('@/lib/feedback/server')
        .then(({shutDownFeedbackDatabase}) => shutDownFeedbackDatabase())
        .catch((error: Error) => log.error({reason: error.message}, 'could not close the feedback database'))
        .finally(() =>
          setTimeout(() => process.exit(128 + constants.signals[signal]), EXIT_DEADLINE_MS).unref(),
        )
    })
  }
  // The database's code and connection wait until the first pages are out; a vote before then
  // opens it itself.
  setTimeout(() => {
    import('@/lib/feedback/server')
      .then(({prepareFeedbackDatabase}) => prepareFeedbackDatabase())
      .catch((error) => stop('cannot open the feedback database', error))
  }, FEEDBACK_OPENS_AFTER_MS)
  markReady()
  const source = usesEmbeddedDataset() ? 'embedded' : 'content-lake'
  log.info({ms: Math.round(process.uptime() * 1000), source, ...(documents !== null && {documents})}, 'ready')
}

/**
 * A closed Node server still answers requests on keep-alive connections it had, and a balancer
 * (nginx's upstream keepalive) or a probe reuses them: each response from now on says
 * `Connection: close`, so those connections end and Next's shutdown can finish.
 */
function endEachConnectionAfterItsResponse() {
  subscribe('http.server.request.start', (message) => {
    const {response} = message as {response: ServerResponse}
    response.setHeader('connection', 'close')
  })
}
