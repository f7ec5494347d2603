import {spawnSync} from 'node:child_process'
import {once} from 'node:events'
import {chmod, mkdir, mkdtemp, rm} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'

import {waitForHttp} from '@/bench/lib/http'
import {readShippedProxyConfig, renderProxyConfig, startNginx} from '@/bench/lib/nginx'
import type {Managed} from '@/bench/lib/processes'

import {rawRequest} from '@/tests/e2e/support/http'
import {freePort} from '@/tests/support/free-port'

const hasNginx = spawnSync('sh', ['-c', 'command -v nginx']).status === 0

/**
 * deploy/nginx.conf, run by a real nginx in front of a stand-in for Next that answers pages as
 * cacheable (as ISR pages are, with the text it currently publishes) except `/dynamic` (as a
 * dynamic route answers), and says whether it saw the draft-mode cookie.
 */
;(hasNginx ? describe : describe.skip)(
  `the shipped proxy${hasNginx ? '' : ' (skipped: nginx is not installed)'}`,
  () => {
    let dir: string
    let upstream: Server
    let nginx: Managed
    let proxy: string
    const upstreamHits: string[] = []
    let publishedText = 'the published page'

    beforeAll(async () => {
      // nginx's workers run as an unprivileged user when started as root, and must reach the cache:
      // not under TMPDIR, which CI keeps in a private folder, but in the project's test-results.
      await mkdir(path.join(process.cwd(), 'test-results'), {recursive: true})
      dir = await mkdtemp(path.join(process.cwd(), 'test-results', 'proxy-draft-'))
      await chmod(dir, 0o755)
      upstream = createServer((request, response) => {
        const draft = /(?:^|;\s*)__prerender_bypass=/.test(request.headers.cookie ?? '')
        upstreamHits.push(`${request.url} ${draft ? 'draft' : 'public'}`)
        const cacheControl =
          request.url === '/dynamic'
            ? 'private, no-cache, no-store, max-age=0, must-revalidate'
            : 's-maxage=3600, stale-while-revalidate=31535000'
        response.setHeader('cache-control', cacheControl)
        response.setHeader('content-type', 'text/html')
        response.end(draft ? 'the draft page' : publishedText)
      }).listen(0, '127.0.0.1')
      await once(upstream, 'listening')
      const port = await freePort()
      const config = renderProxyConfig(await readShippedProxyConfig(), {
        port,
        upstreamPorts: [(upstream.address() as AddressInfo).port],
        cacheDir: path.join(dir, 'cache'),
      })
      nginx = await startNginx('nginx (draft mode)', dir, config)
      proxy = `http://127.0.0.1:${port}`
      await waitForHttp(`${proxy}/ready`, 10_000, () =>
        nginx.child.exitCode !== null ? `nginx exited:\n${nginx.output()}` : undefined,
      )
    }, 30_000)

    afterAll(async () => {
      await nginx?.stop()
      upstream?.close()
      await rm(dir, {recursive: true, force: true})
    })

    const draftCookie = {cookie: 'theme=dark; __prerender_bypass=preview-id'}
    const hitsOf = (pathname: string) => upstreamHits.filter((hit) => hit.startsWith(`${pathname} `)).length

    it('sends an editor’s request to Next every time and never stores the draft', async () => {
      const first = await rawRequest(`${proxy}/glossary/backlink`, {headers: draftCookie})
      const second = await rawRequest(`${proxy}/glossary/backlink`, {headers: draftCookie})
      expect([first.body, second.body]).toEqual(['the draft page', 'the draft page'])
      expect([first.headers['x-cache-status'], second.headers['x-cache-status']]).toEqual([
        'BYPASS',
        'BYPASS',
      ])

      const reader = await rawRequest(`${proxy}/glossary/backlink`)
      expect(reader.body).toBe('the published page')
      expect(reader.headers['x-cache-status']).toBe('MISS')
      expect(upstreamHits.filter((hit) => hit.startsWith('/glossary/backlink '))).toEqual([
        '/glossary/backlink draft',
        '/glossary/backlink draft',
        '/glossary/backlink public',
      ])
    })

    it('never answers an editor from the cache, even when the public page is cached', async () => {
      await rawRequest(`${proxy}/guides`)
      expect((await rawRequest(`${proxy}/guides`)).headers['x-cache-status']).toBe('HIT')
      const editor = await rawRequest(`${proxy}/guides`, {headers: draftCookie})
      expect(editor.body).toBe('the draft page')
      expect(editor.headers['x-cache-status']).toBe('BYPASS')
      expect((await rawRequest(`${proxy}/guides`)).body).toBe('the published page')
    })

    it('shows readers a publish within its 2 s window, though Next marks pages fresh for an hour', async () => {
      const pathname = '/glossary/link-building'
      await rawRequest(`${proxy}${pathname}`)
      expect((await rawRequest(`${proxy}${pathname}`)).headers['x-cache-status']).toBe('HIT')
      publishedText = 'the page after a publish'
      const published = Date.now()
      let seenAfterMs: number | undefined
      let requests = 0
      while (seenAfterMs === undefined && Date.now() - published < 6_000) {
        requests++
        if ((await rawRequest(`${proxy}${pathname}`)).body === publishedText)
          seenAfterMs = Date.now() - published
        else await new Promise((resolve) => setTimeout(resolve, 50))
      }
      // The 2 s window on nginx's clock, which counts whole seconds (so up to 3 s), and a busy machine.
      expect(seenAfterMs).toBeLessThan(4_000)
      // Meanwhile nginx asked Next about once per window, not once per reader.
      expect(hitsOf(pathname)).toBeLessThanOrEqual(3)
      expect(requests).toBeGreaterThan(10)
    }, 15_000)

    it('never stores what Next marks private or no-store', async () => {
      const answers = [await rawRequest(`${proxy}/dynamic`), await rawRequest(`${proxy}/dynamic`)]
      expect(answers.map((answer) => answer.headers['x-cache-status'])).toEqual(['MISS', 'MISS'])
      expect(hitsOf('/dynamic')).toBe(2)
    })
  },
)
