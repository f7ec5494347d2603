import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {mainConfig, renderProxyConfig, SHIPPED_PROXY_CONFIG, staticFileConfig} from '@/bench/lib/nginx'

const place = {port: 8081, upstreamPorts: [3230, 3231], cacheDir: '/tmp/bench-cache'}
const hasNginx = spawnSync('sh', ['-c', 'command -v nginx']).status === 0

describe('the shipped proxy config, as the benchmark runs it', () => {
  let shipped: string
  beforeAll(async () => {
    shipped = await readFile(SHIPPED_PROXY_CONFIG, 'utf8')
  })

  it('gets the benchmark’s port, upstream and cache folder, and nothing else changes', () => {
    const rendered = renderProxyConfig(shipped, place)
    expect(rendered).toMatch(/^\s*listen 127\.0\.0\.1:8081;$/m)
    const servers = rendered.match(/^\s*server 127\.0\.0\.1:\d+ [^;]*;$/gm)
    expect(servers?.map((line) => line.trim())).toEqual([
      'server 127.0.0.1:3230 max_fails=3 fail_timeout=10s;',
      'server 127.0.0.1:3231 max_fails=3 fail_timeout=10s;',
    ])
    expect(rendered).toMatch(/^proxy_cache_path \/tmp\/bench-cache levels=/m)
    const changed = rendered.split('\n').filter((line, index) => line !== shipped.split('\n')[index])
    expect(changed).toHaveLength(4)
  })

  it('refuses a config where a setting it replaces is missing or repeated', () => {
    expect(() => renderProxyConfig(shipped.replace(/listen [^;]+;/, ''), place)).toThrow(
      /exactly one `listen`/,
    )
    expect(() => renderProxyConfig(`${shipped}\nserver {\n    listen 81;\n}\n`, place)).toThrow(/found 2/)
  })

  describe('the query strings that share a page’s cached copy', () => {
    const regex = () => {
      const source = /map \$args \$glossary_bypass_cache \{\s*"" 0;\s*"~([^"]+)" 0;/.exec(shipped)?.[1]
      if (!source) throw new Error('no tracking-parameter map in deploy/nginx.conf')
      return new RegExp(source)
    }

    it('serves a request without a query string from the cache', () => {
      expect(shipped).toMatch(/map \$args \$glossary_bypass_cache \{\s*"" 0;/)
    })

    it.each(['utm_source=news&utm_medium=email', 'gclid=abc', 'fbclid=1&utm_campaign=x', '_rsc=1x2y'])(
      'serves "%s" from the cache',
      (args) => expect(regex().test(args)).toBe(true),
    )

    it.each(['q=backlink', 'category=technical-seo', 'utm_source=news&q=serp', 'page=2&gclid=abc'])(
      'sends "%s" to Next uncached',
      (args) => expect(regex().test(args)).toBe(false),
    )
  })

  // CI installs nginx; elsewhere it is a benchmark tool (apt-get install nginx).
  ;(hasNginx ? it : it.skip)(
    `passes nginx -t${hasNginx ? '' : ' (skipped: nginx is not installed)'}`,
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-nginx-'))
      const body =
        renderProxyConfig(shipped, {...place, cacheDir: path.join(dir, 'cache')}) +
        staticFileConfig({port: 8082, root: dir})
      const file = path.join(dir, 'nginx.conf')
      await writeFile(file, mainConfig({dir, body}))
      const result = spawnSync('nginx', ['-t', '-q', '-p', dir, '-c', file], {encoding: 'utf8'})
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
    },
  )
})
