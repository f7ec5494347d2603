/**
 * An OTLP/HTTP trace receiver (what a collector offers on :4318): answers every export with 200,
 * counts exports and bytes, and keeps the spans of exports sent as JSON (OTEL_EXPORTER_OTLP_PROTOCOL
 * http/json), which the browser suite reads. The bench's tracing phase and the suite share it.
 */
import {once} from 'node:events'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

export type ReceivedSpan = {
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  kind: number
}

type ExportRequest = {resourceSpans: {scopeSpans: {spans: ReceivedSpan[]}[]}[]}

export async function startOtlpReceiver() {
  const received = {exports: 0, bytes: 0, spans: [] as ReceivedSpan[]}
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      received.exports++
      received.bytes += body.length
      if (request.url === '/v1/traces' && request.headers['content-type']?.startsWith('application/json')) {
        const exported = JSON.parse(body.toString('utf8')) as ExportRequest
        for (const resource of exported.resourceSpans)
          for (const scope of resource.scopeSpans) received.spans.push(...scope.spans)
      }
      response.writeHead(200, {'Content-Type': 'application/json'}).end('{}')
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {received, url, close: () => server.close()}
}
