/** Timed HTTP requests over keep-alive connections, for latency samples taken one by one. */
import http from 'node:http'

export const agent = new http.Agent({keepAlive: true, maxSockets: 64})

export type TimedResponse = {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** From sending the request to the last byte of the body. */
  ms: number
}

export function request(
  url: string,
  options: {method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number} = {},
): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const began = performance.now()
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent,
        timeout: options.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - began,
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () =>
      req.destroy(new Error(`${url}: no answer within ${options.timeoutMs ?? 60_000} ms`)),
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export const get = (url: string, headers?: Record<string, string>) => request(url, {headers})

/** Waits until `url` answers at all (any status below 500), or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, isDead: () => string | undefined) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const dead = isDead()
    if (dead) throw new Error(dead)
    try {
      const response = await request(url, {timeoutMs: 10_000})
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Fails early when another program already listens on a port the benchmark needs. */
export async function assertPortFree(port: number) {
  const server = http.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is in use; stop what listens there or set BENCH_PORT_BASE.`
            : error.message,
        ),
      ),
    )
    server.listen(port, '127.0.0.1', () => resolve())
  })
  await new Promise((resolve) => server.close(resolve))
}
