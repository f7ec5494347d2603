/**
 * What an operator sees of a running instance: its traces reach an OTLP collector (a receiver this
 * test starts) with our GROQ spans inside the request's span, its log lines carry the trace id,
 * and a thousand bad requests write a bounded number of lines.
 */
import {startOtlpReceiver, type ReceivedSpan} from '@/bench/lib/otlp-receiver'
import {logRecords} from '@/bench/lib/log-records'

import {rawRequest} from './support/http'
import {startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'

/** The OpenTelemetry protocol's span kind for a request a server received. */
const SERVER_KIND = 2

/** What `find` returns once it returns something, polled for at most 15 s. */
async function eventually<T>(find: () => T | undefined, what: string): Promise<T> {
  let found: T | undefined
  await expect
    .poll(() => (found = find()), {message: `waiting for ${what}`, timeout: 15_000, intervals: [100]})
    .toBeTruthy()
  return found!
}

/** Whether `span` sits inside `ancestor`, following parent ids within one trace. */
function isWithin(span: ReceivedSpan, ancestor: ReceivedSpan, spans: ReceivedSpan[]): boolean {
  const byId = new Map(
    spans.filter((other) => other.traceId === span.traceId).map((other) => [other.spanId, other]),
  )
  for (
    let current = byId.get(span.parentSpanId ?? '');
    current;
    current = byId.get(current.parentSpanId ?? '')
  ) {
    if (current.spanId === ancestor.spanId) return true
  }
  return false
}

test.describe('an instance with tracing on', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
  let server: RunningServer

  test.beforeAll(async () => {
    receiver = await startOtlpReceiver()
    server = await startNextServer(0, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Export within a fraction of a second rather than the default five.
      OTEL_BSP_SCHEDULE_DELAY: '200',
      // No webhook secret: a webhook call is refused and logged once, inside its request's trace.
      SANITY_REVALIDATE_SECRET: '',
    })
  })

  test.afterAll(async () => {
    await server?.stop()
    receiver?.close()
  })

  test("sends a rendered page's trace, with a `groq` span for each query inside the request's span", async () => {
    const page = await rawRequest(`${server.url}/glossary?q=link`)
    expect(page.status).toBe(200)
    const request = await eventually(
      () =>
        receiver.received.spans.find(
          (span) => span.kind === SERVER_KIND && span.name === 'GET /glossary-search',
        ),
      "the search page's request span",
    )
    const queries = await eventually(() => {
      const found = receiver.received.spans.filter(
        (span) => span.traceId === request.traceId && span.name.startsWith('groq '),
      )
      return found.length ? found : undefined
    }, 'groq spans in the same trace')
    expect(queries.map((span) => span.name)).toContain('groq term_index')
    for (const query of queries) expect(isWithin(query, request, receiver.received.spans)).toBe(true)
    // A query's span is named after the query, never after what the reader typed.
    expect(
      receiver.received.spans.some((span) => span.name.includes('link') && span.name.startsWith('groq')),
    ).toBe(false)
  })

  test("puts the request's trace id on the lines it logs", async () => {
    const refused = await rawRequest(`${server.url}/api/revalidate`, {method: 'POST', body: '{}'})
    expect(refused.status).toBe(500)
    const line = await eventually(
      () =>
        logRecords(server.output()).find((record) =>
          String(record.msg).startsWith('SANITY_REVALIDATE_SECRET'),
        ),
      'the refused webhook’s log line',
    )
    expect(line.trace_id).toMatch(/^[0-9a-f]{32}$/)
    const request = await eventually(
      () =>
        receiver.received.spans.find((span) => span.traceId === line.trace_id && span.kind === SERVER_KIND),
      'the webhook request’s span',
    )
    expect(request.name).toBe('POST /api/revalidate')
  })

  test('writes a bounded number of lines for a thousand bad requests', async () => {
    const before = server.output().split('\n').length
    const bad: [string, {method?: string; headers?: Record<string, string>; body?: string}][] = [
      ['/glossary/invented-%n', {}],
      ['/wp-admin/setup-%n.php', {}],
      ['/api/terms/invented-%n', {}],
      ['/api/search?q=%n' + 'x'.repeat(200), {}],
      ['/api/metrics', {headers: {Authorization: 'Bearer guess-%n'}}],
      ['/api/feedback', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{"term":'}],
      ['/api/feedback', {method: 'POST', headers: {Origin: 'https://elsewhere.example'}, body: '{}'}],
      [
        '/api/revalidate',
        {method: 'POST', headers: {'sanity-webhook-signature': 't=%n,v1=forged'}, body: '{}'},
      ],
    ]
    for (let n = 0; n < 1000; n += bad.length) {
      await Promise.all(
        bad.map(([pathname, options], index) => {
          const fill = (text?: string) => text?.replaceAll('%n', String(n + index))
          const headers = Object.fromEntries(
            Object.entries(options.headers ?? {}).map(([k, v]) => [k, fill(v)!]),
          )
          return rawRequest(server.url + fill(pathname), {...options, headers, body: options.body})
        }),
      )
    }
    const added = server.output().split('\n').length - before
    expect(added).toBeLessThanOrEqual(5)
  })
})
