/**
 * The Prometheus metrics of this instance (prom-client), served at /api/metrics to holders of
 * METRICS_TOKEN. One registry per process on globalThis: Next bundles each route separately, and
 * the cache handler (plain JavaScript Node loads itself) counts into the same metrics.
 *
 * Every label takes a bounded set of values (an outcome, a query's name, a route's pattern, never
 * a raw path, slug or search text), so invented URLs add no series.
 */
import client from 'prom-client'

import {contentSourceStates, dependencyStates} from '../health/status.mjs'
import {processWide} from '../runtime/process-wide.mjs'

/** Seconds; pages render in milliseconds, a hung dependency costs seconds. */
const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

function createMetrics() {
  const registry = new client.Registry()
  // Resident memory, heap, event-loop lag, GC pauses, open handles: prom-client's own set.
  client.collectDefaultMetrics({register: registry})
  // Gauges named like counters, which `promtool check metrics` rejects; the same figures by type
  // stay (nodejs_active_handles, nodejs_active_requests, nodejs_active_resources).
  for (const name of [
    'nodejs_active_handles_total',
    'nodejs_active_requests_total',
    'nodejs_active_resources_total',
  ]) {
    registry.removeSingleMetric(name)
  }
  const registers = [registry]
  return {
    registry,
    feedbackVotes: new client.Counter({
      name: 'glossary_feedback_votes_total',
      help: 'Votes received, by outcome (stored, rate_limited, unknown_term, invalid, malformed, forbidden, unavailable).',
      labelNames: ['outcome'],
      registers,
    }),
    webhookRequests: new client.Counter({
      name: 'glossary_webhook_requests_total',
      help: 'Revalidation webhook calls, by outcome (revalidated, repeated, refused, unconfigured, lookup_failed).',
      labelNames: ['outcome'],
      registers,
    }),
    revalidatedTags: new client.Counter({
      name: 'glossary_revalidated_tags_total',
      help: 'Cache tags the webhook revalidated, by what they name (a term, guide, author or category page, or a list).',
      labelNames: ['kind'],
      registers,
    }),
    contentQueryDuration: new client.Histogram({
      name: 'glossary_content_query_duration_seconds',
      help: 'GROQ queries, by query name and content source (embedded, content-lake), cached answers included.',
      labelNames: ['query', 'source'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    searchQueries: new client.Counter({
      name: 'glossary_search_queries_total',
      help: "Readers' searches, by kind (submitted, suggestions) and result (hit: a term found, miss: none).",
      labelNames: ['kind', 'result'],
      registers,
    }),
    httpRequestDuration: new client.Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'HTTP requests, by method, status and route pattern (never the raw path).',
      labelNames: ['method', 'status', 'route'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    sharedCacheOperations: new client.Counter({
      name: 'glossary_shared_cache_operations_total',
      help: 'Calls to the shared Redis cache, by operation (get, set, revalidate_tag, delete) and result (hit, miss, ok, error).',
      labelNames: ['operation', 'result'],
      registers,
    }),
    contentSourceUp: new client.Gauge({
      name: 'glossary_content_source_up',
      help: 'Whether the content source answers (1), or not (0): the Content Lake from a failed query until one reaches it again, the embedded dataset when only its last good version loads.',
      labelNames: ['source'],
      registers,
      collect() {
        for (const [source, state] of contentSourceStates()) this.set({source}, state === 'up' ? 1 : 0)
      },
    }),
    contentSourceFailures: new client.Counter({
      name: 'glossary_content_source_failures_total',
      help: 'Content queries that failed because the source did, by source and kind (refused, timeout, server_error, rate_limited, network, unreadable).',
      labelNames: ['source', 'kind'],
      registers,
    }),
    dependencyUp: new client.Gauge({
      name: 'glossary_dependency_up',
      help: 'Whether a dependency pages can live without is reachable (1) or down (0), as this instance last saw it.',
      labelNames: ['dependency'],
      registers,
      collect() {
        for (const [dependency, up] of dependencyStates()) this.set({dependency}, up ? 1 : 0)
      },
    }),
  }
}

export const metrics = processWide('metrics', createMetrics)
