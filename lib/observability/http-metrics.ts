import type {IncomingMessage, ServerResponse} from 'node:http'
import {subscribe} from 'node:diagnostics_channel'
import {readFileSync} from 'node:fs'
import path from 'node:path'

import {metrics} from './metrics.mjs'
import {routePatterns, type RoutesManifest} from './route-patterns'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

type Started = {at: number; url: string}

/**
 * Times every HTTP request this process answers into http_server_request_duration_seconds, from
 * Node's own HTTP diagnostics channels: no wrapper around Next's server, and the path as the
 * client sent it (before Next rewrites it), labelled with its route's pattern from the build.
 */
export function recordHttpRequests(distDir: string) {
  const manifest = JSON.parse(
    readFileSync(path.join(/*turbopackIgnore: true*/ distDir, 'routes-manifest.json'), 'utf8'),
  ) as RoutesManifest
  const routeOf = routePatterns(manifest)
  const started = new WeakMap<IncomingMessage, Started>()
  subscribe('http.server.request.start', (message) => {
    const {request} = message as {request: IncomingMessage}
    started.set(request, {at: performance.now(), url: request.url ?? '/'})
  })
  subscribe('http.server.response.finish', (message) => {
    const {request, response} = message as {request: IncomingMessage; response: ServerResponse}
    const start = started.get(request)
    if (!start) return
    const method = request.method && METHODS.has(request.method) ? request.method : 'other'
    metrics.httpRequestDuration.observe(
      {method, status: String(response.statusCode), route: routeOf(start.url)},
      (performance.now() - start.at) / 1000,
    )
  })
}
