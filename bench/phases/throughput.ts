/**
 * Term page throughput side by side: our page from `next start`, a bare Next.js page of the same
 * size from the same server, Node answering the same bytes from memory, nginx serving them as a
 * file, and the page through the shipped caching proxy (deploy/nginx.conf) in front of Next.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {get} from '@/bench/lib/http'
import {readShippedProxyConfig, renderProxyConfig, startNginx, staticFileConfig} from '@/bench/lib/nginx'
import {start, type Managed} from '@/bench/lib/processes'
import {waitForHttp} from '@/bench/lib/http'
import type {LoadTarget, LoadTargetName, ThroughputResult} from '@/bench/lib/results'
import {measureLoad, type LoadSettings} from '@/bench/lib/wrk'
import {coldFloorPath} from './cold-render'

export const TERM_PATH = '/glossary/backlink'
export const BARE_PATH = '/bench/static'

export type Ports = {ceiling: number; nginxStatic: number; proxy: number}

async function expectPage(url: string, expected?: Buffer): Promise<number> {
  const response = await get(url)
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`)
  if (expected && !response.body.equals(expected)) {
    throw new Error(`${url} did not answer the same ${expected.length} bytes (got ${response.body.length})`)
  }
  return response.body.length
}

/** Asks the proxy until it answers from its cache, so the measured run never waits on Next. */
async function warmProxy(url: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await get(url)
    if (response.status === 200 && response.headers['x-cache-status'] === 'HIT') return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} never answered from the proxy's cache (X-Cache-Status: HIT)`)
}

export async function startProxy(workDir: string, port: number, upstreamPorts: number[]): Promise<Managed> {
  const dir = path.join(workDir, 'nginx-proxy')
  const body = renderProxyConfig(await readShippedProxyConfig(), {
    port,
    upstreamPorts,
    cacheDir: path.join(dir, 'cache'),
  })
  const proxy = await startNginx('nginx proxy', dir, body)
  await waitForHttp(`http://127.0.0.1:${port}/bench/static`, 10_000, () =>
    proxy.child.exitCode !== null ? `nginx (proxy) exited:\n${proxy.output()}` : undefined,
  )
  return proxy
}

export async function measureThroughput(
  appUrl: string,
  workDir: string,
  ports: Ports,
  proxyUrl: string,
  settings: LoadSettings,
): Promise<ThroughputResult> {
  const page = (await get(`${appUrl}${TERM_PATH}`)).body
  const bareBytes = await expectPage(`${appUrl}${BARE_PATH}`)

  const staticRoot = path.join(workDir, 'static')
  const file = path.join(staticRoot, TERM_PATH)
  await mkdir(path.dirname(file), {recursive: true})
  await writeFile(file, page)

  const helpers: Managed[] = []
  try {
    const ceiling = start('ceiling server', 'node_modules/.bin/tsx', [
      'bench/ceiling-server.ts',
      String(ports.ceiling),
      file,
    ])
    helpers.push(ceiling)
    const ceilingUrl = `http://127.0.0.1:${ports.ceiling}${TERM_PATH}`
    await waitForHttp(ceilingUrl, 30_000, () =>
      ceiling.child.exitCode !== null ? `ceiling server exited:\n${ceiling.output()}` : undefined,
    )

    const nginxStatic = await startNginx(
      'nginx static',
      path.join(workDir, 'nginx-static'),
      staticFileConfig({port: ports.nginxStatic, root: staticRoot}),
    )
    helpers.push(nginxStatic)
    const staticUrl = `http://127.0.0.1:${ports.nginxStatic}${TERM_PATH}`
    await waitForHttp(staticUrl, 10_000, () =>
      nginxStatic.child.exitCode !== null ? `nginx (static) exited:\n${nginxStatic.output()}` : undefined,
    )

    const urls: Record<LoadTargetName, {label: string; url: string; bytes: number}> = {
      term: {label: 'term page, `next start` (ISR cached)', url: `${appUrl}${TERM_PATH}`, bytes: page.length},
      bare: {label: 'bare Next.js static page, same server', url: `${appUrl}${BARE_PATH}`, bytes: bareBytes},
      // The same bare page under a dynamic segment (`/bench/cold/[n]`), cached after its first
      // render: the floor for the kind of route a term page is.
      bareDynamic: {
        label: 'bare page in a dynamic route, same server (ISR cached)',
        url: `${appUrl}${coldFloorPath(0)}`,
        bytes: await expectPage(`${appUrl}${coldFloorPath(0)}`),
      },
      ceiling: {
        label: 'Node `http` from memory (ceiling)',
        url: ceilingUrl,
        bytes: await expectPage(ceilingUrl, page),
      },
      nginxStatic: {
        label: 'nginx static file (physical limit)',
        url: staticUrl,
        bytes: await expectPage(staticUrl, page),
      },
      proxy: {
        label: 'term page through deploy/nginx.conf (production path)',
        url: `${proxyUrl}${TERM_PATH}`,
        bytes: page.length,
      },
    }
    await expectPage(urls.term.url, page)
    await warmProxy(urls.proxy.url)
    await expectPage(urls.proxy.url, page)

    const targets = {} as Record<LoadTargetName, LoadTarget>
    for (const name of Object.keys(urls) as LoadTargetName[]) {
      console.log(`  wrk ${urls[name].label}…`)
      targets[name] = {...urls[name], ...(await measureLoad(urls[name].url, settings))}
    }
    return {
      settings,
      targets,
      ratios: {
        termVsBare: targets.term.reqPerSec / targets.bare.reqPerSec,
        termVsBareDynamic: targets.term.reqPerSec / targets.bareDynamic.reqPerSec,
        proxyVsNginxStatic: targets.proxy.reqPerSec / targets.nginxStatic.reqPerSec,
        termVsNginxStatic: targets.term.reqPerSec / targets.nginxStatic.reqPerSec,
      },
    }
  } finally {
    await Promise.all(helpers.map((helper) => helper.stop()))
  }
}
