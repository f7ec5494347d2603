import type {Counter, Gauge, Histogram, Registry} from 'prom-client'

export const metrics: {
  registry: Registry
  feedbackVotes: Counter<'outcome'>
  webhookRequests: Counter<'outcome'>
  revalidatedTags: Counter<'kind'>
  contentQueryDuration: Histogram<'query' | 'source'>
  searchQueries: Counter<'kind' | 'result'>
  httpRequestDuration: Histogram<'method' | 'status' | 'route'>
  sharedCacheOperations: Counter<'operation' | 'result'>
  contentSourceUp: Gauge<'source'>
  contentSourceFailures: Counter<'source' | 'kind'>
  dependencyUp: Gauge<'dependency'>
}
