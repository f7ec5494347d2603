import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import {logRecords} from '@/bench/lib/log-records'
import {LOCK_FILE} from '@/lib/feedback/data-lock'
import {openPgliteDriver} from '@/lib/feedback/pglite-driver'

import {isSupportedNode, MINIMUM_NODE} from '@/lib/runtime/node-version.mjs'

import {root, startNextServer} from './support/server'
import {SITE_PORT} from './support/site'
import {expect, test} from './support/test'

/**
 * A broken embedded dataset must stop the server at start-up with a message naming the file,
 * line and document, not surface later as a failing page.
 */
test.describe('server start-up with a broken dataset', () => {
  for (const [what, file, message] of [
    [
      'a dangling reference',
      'tests/fixtures/dangling-reference.ndjson',
      /dangling-reference\.ndjson:5: document "term-beta" refers to missing document "term-gone"/,
    ],
    [
      'a missing file',
      'tests/fixtures/no-such-dataset.ndjson',
      /no-such-dataset\.ndjson: cannot read the embedded dataset \(ENOENT\)/,
    ],
  ] as const) {
    test(`stops on ${what}`, async () => {
      const port = SITE_PORT + 50
      const failure = await startNextServer(port, {CONTENT_DATASET_FILE: file}).catch((error: Error) => error)
      expect(failure).toBeInstanceOf(Error)
      expect((failure as Error).message).toMatch(/next start exited with 1/)
      expect(logRecords((failure as Error).message)).toContainEqual(
        expect.objectContaining({
          level: 'fatal',
          msg: 'cannot load the content',
          reason: expect.stringMatching(message),
        }),
      )
    })
  }
})

test.describe('server start-up with a malformed REDIS_URL', () => {
  test('stops with a message naming the variable', async () => {
    const port = SITE_PORT + 53
    const started = startNextServer(port, {REDIS_URL: 'http://cache.internal:6379'})
    await expect(started).rejects.toThrow(/next start exited with 1/)
    await expect(started).rejects.toThrow(/REDIS_URL must start with redis:\/\/ or rediss:\/\//)
  })
})

/** The Node the project brings: the version of the platform binary package npm installed here. */
function projectNodeVersion(): string {
  const binary = `node-${process.platform}-${process.arch}`
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson)
    .optionalDependencies[binary]
}

type PackageJson = {optionalDependencies: Record<string, string>}

/** PATH as a shell has it, without the node_modules/.bin that `npm run` put in front for this suite. */
const shellPath = () =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.endsWith(path.join('node_modules', '.bin')))
    .join(path.delimiter)

test.describe('readiness at start-up', () => {
  test('is refused or 503 until the instance is ready, and the term page answers within 1 s of the first 200', async () => {
    const port = SITE_PORT + 55
    const feedbackDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-readiness-'))
    const child = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '--port', String(port)], {
      cwd: root,
      detached: true,
      env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', FEEDBACK_DATA_DIR: feedbackDir},
      stdio: 'ignore',
    })
    const base = `http://127.0.0.1:${port}`
    try {
      const answers = new Set<number>()
      await expect
        .poll(
          async () => {
            const status = await fetch(`${base}/api/health/ready`).then(
              (response) => response.status,
              () => 0,
            )
            answers.add(status)
            return status
          },
          {timeout: 60_000, intervals: [20]},
        )
        .toBe(200)
      expect([...answers].every((answer) => [0, 503, 200].includes(answer))).toBe(true)
      const began = Date.now()
      const page = await fetch(`${base}/glossary/backlink`)
      expect(page.status).toBe(200)
      expect(Date.now() - began).toBeLessThan(1000)
    } finally {
      process.kill(-child.pid!, 'SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
      rmSync(feedbackDir, {recursive: true, force: true})
    }
  })
})

/** How many processes are left in a process group (ps exits 1 when there are none). */
const processesIn = (group: number) =>
  spawnSync('ps', ['-o', 'pid=', '-g', String(group)], {encoding: 'utf8'})
    .stdout.trim()
    .split('\n')
    .filter(Boolean).length

type Sent = {method?: string; body?: Iterable<string>; gapMs?: number}

/**
 * Requests over one keep-alive connection, as nginx keeps one to each instance; a request's body
 * goes in pieces `gapMs` apart. Each answer's status (0 when the connection failed) and, in
 * `connectionHeaders`, its Connection header.
 */
function keepAliveClient(baseUrl: string) {
  const agent = new http.Agent({keepAlive: true, maxSockets: 1})
  const connectionHeaders: (string | undefined)[] = []
  const status = (pathname: string, {method = 'GET', body = [], gapMs = 0}: Sent = {}) =>
    new Promise<number>((resolve) => {
      const request = http.request(`${baseUrl}${pathname}`, {
        agent,
        method,
        headers: method === 'POST' ? {'content-type': 'application/json'} : {},
      })
      request.on('response', (response) => {
        connectionHeaders.push(response.headers.connection)
        response.resume().on('end', () => resolve(response.statusCode!))
      })
      request.on('error', () => resolve(0))
      void (async () => {
        for (const piece of body) {
          if (request.destroyed) return
          request.write(piece)
          await new Promise((wait) => setTimeout(wait, gapMs))
        }
        request.end()
      })()
    })
  return {status, connectionHeaders, destroy: () => agent.destroy()}
}

/** The start of a vote's JSON, then spaces for ever. */
function* endlessBody() {
  yield '{"term": "backlink",'
  for (;;) yield ' '
}

test.describe('the Node that serves the site', () => {
  test("is the project's own Node 24 when started with the README's `npm start`", async () => {
    const port = SITE_PORT + 51
    const server = await startNextServer(port, {PORT: String(port), PATH: shellPath()}, ['npm', 'start'])
    try {
      const page = await fetch(`${server.url}/glossary/backlink`)
      expect(page.status).toBe(200)
      const started = logRecords(server.output()).filter((record) => record.msg === 'starting')
      expect(started).toEqual([expect.objectContaining({node: projectNodeVersion()})])
      expect(started[0]!.node).toMatch(/^24\./)
      // One JSON line when ready: how long it took and what was loaded.
      const ready = logRecords(server.output()).filter((record) => record.msg === 'ready')
      expect(ready).toEqual([
        expect.objectContaining({
          level: 'info',
          ms: expect.any(Number),
          source: 'embedded',
          documents: expect.any(Number),
        }),
      ])
      expect(ready[0]!.documents).toBeGreaterThan(40)
    } finally {
      await server.stop()
    }
  })

  test('drains and stops when `npm start` is sent SIGTERM: unready at once, pages until the drain ends, then port, processes, database and lock let go within 10 s, though a client keeps its connection busy', async () => {
    const port = SITE_PORT + 54
    const feedbackDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-shutdown-'))
    const drainMs = 2000
    const server = await startNextServer(
      port,
      {
        PORT: String(port),
        PATH: shellPath(),
        FEEDBACK_DATA_DIR: feedbackDir,
        SHUTDOWN_DRAIN_SECONDS: String(drainMs / 1000),
      },
      ['npm', 'start'],
    )
    // One keep-alive connection for every request, as nginx keeps one to each instance.
    const client = keepAliveClient(server.url)
    const status = client.status
    try {
      expect(await status('/api/health/ready')).toBe(200)
      expect(await status('/api/health/live')).toBe(200)
      // The database opens after the first pages; a vote opens it at once if it comes first.
      const vote = JSON.stringify({term: 'backlink', vote: 'yes'})
      expect(await status('/api/feedback', {method: 'POST', body: [vote]})).toBe(200)
      expect(existsSync(path.join(feedbackDir, LOCK_FILE))).toBe(true)
      const group = server.process.pid!
      const began = Date.now()
      // To npm alone, as a process manager signals the command it started.
      process.kill(group, 'SIGTERM')
      const processesLeft = () => processesIn(group)

      // Unready at once; pages keep coming while the drain lasts.
      let readiness = 0
      await expect
        .poll(async () => (readiness = await status('/api/health/ready')), {timeout: 1000, intervals: [0]})
        .not.toBe(200)
      expect(readiness).toBe(503)
      expect(Date.now() - began).toBeLessThan(1000)
      expect(await status('/glossary/backlink')).toBe(200)

      // A vote whose body is still arriving when SIGTERM reaches Next, at the drain's end: the
      // connection is busy then, so Next's close cannot end it, and the polls below reuse it. Node
      // answers them after the close, so only a response that ends the connection lets Next exit.
      await new Promise((resolve) => setTimeout(resolve, began + drainMs - 600 - Date.now()))
      const lateVote = JSON.stringify({term: 'backlink', vote: 'no'})
      const slowVote = status('/api/feedback', {
        method: 'POST',
        body: [...lateVote],
        gapMs: 1200 / lateVote.length,
      })

      // Until the processes are gone, readiness is never 200 again.
      const seen = new Set<number>()
      await expect
        .poll(
          async () => {
            seen.add(await status('/api/health/ready'))
            return processesLeft()
          },
          {timeout: drainMs + 10_000, intervals: [100]},
        )
        .toBe(0)
      expect(seen.has(200)).toBe(false)
      expect(client.connectionHeaders.at(-1)).toBe('close')
      // Refused, not stored: the database was closing when it arrived.
      expect(await slowVote).toBe(503)
      expect(Date.now() - began).toBeGreaterThanOrEqual(drainMs)
      expect(Date.now() - began).toBeLessThan(drainMs + 10_000)
      expect(processesLeft()).toBe(0)
      expect(await status('/')).toBe(0)
      expect(existsSync(path.join(feedbackDir, LOCK_FILE))).toBe(false)
      // The folder opens again at once, with the vote in it.
      const reopened = await openPgliteDriver(feedbackDir)
      try {
        await expect(reopened.query('SELECT vote FROM feedback_votes')).resolves.toEqual([{vote: 'yes'}])
      } finally {
        await reopened.close()
      }
    } finally {
      client.destroy()
      await server.stop()
      rmSync(feedbackDir, {recursive: true, force: true})
    }
  })

  test('stops within 10 s of SIGTERM though a request never ends, the feedback database closed first', async () => {
    const port = SITE_PORT + 56
    const feedbackDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-endless-'))
    const server = await startNextServer(
      port,
      {PORT: String(port), PATH: shellPath(), FEEDBACK_DATA_DIR: feedbackDir},
      ['npm', 'start'],
    )
    const client = keepAliveClient(server.url)
    try {
      const vote = JSON.stringify({term: 'backlink', vote: 'yes'})
      expect(await client.status('/api/feedback', {method: 'POST', body: [vote]})).toBe(200)
      // A body that never ends, one byte every 200 ms until the server is gone.
      const endless = client.status('/api/feedback', {method: 'POST', body: endlessBody(), gapMs: 200})
      await new Promise((resolve) => setTimeout(resolve, 500))
      const group = server.process.pid!
      const began = Date.now()
      process.kill(group, 'SIGTERM')
      await expect.poll(() => processesIn(group), {timeout: 10_000, intervals: [100]}).toBe(0)
      expect(Date.now() - began).toBeLessThan(10_000)
      expect(await endless).toBe(0)
      expect(existsSync(path.join(feedbackDir, LOCK_FILE))).toBe(false)
    } finally {
      client.destroy()
      await server.stop()
      rmSync(feedbackDir, {recursive: true, force: true})
    }
  })

  const systemNode = spawnSync('/usr/bin/node', ['--version'], {encoding: 'utf8'}).stdout?.trim().slice(1)
  const oldSystemNode = systemNode && !isSupportedNode(systemNode) ? systemNode : undefined
  test(`stops \`next start\` run directly on the system's Node ${oldSystemNode ?? '(already supported here)'} with one line`, async () => {
    test.skip(!oldSystemNode, 'the system Node is one the project supports')
    const port = SITE_PORT + 52
    const started = startNextServer(port, {PATH: shellPath()}, [
      '/usr/bin/node',
      path.join(root, 'node_modules/.bin/next'),
      'start',
      '--port',
      String(port),
    ])
    await expect(started).rejects.toThrow(/next start exited with 1/)
    const output = ((await started.catch((error: Error) => error)) as Error).message
    const lines = output.split('\n').filter((line) => line.includes('needs Node'))
    expect(lines).toEqual([
      `This project needs Node ${MINIMUM_NODE} or newer (this is v${oldSystemNode}): run \`npm start\`, which uses the project's own Node from node_modules/.bin.`,
    ])
    expect(output).not.toMatch(/^\s+at /m)
  })
})
