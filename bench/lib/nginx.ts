/**
 * nginx for the benchmark: the shipped proxy config (deploy/nginx.conf) with the benchmark's port,
 * upstream and cache folder, and a plain static-file server, each wrapped in the same main config
 * (one worker, no access log) so the two differ only in what the benchmark compares.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {run, start, type Managed} from './processes'

export const SHIPPED_PROXY_CONFIG = 'deploy/nginx.conf'

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, 'gm'))
  if (matches?.length !== 1) {
    throw new Error(`${SHIPPED_PROXY_CONFIG}: expected exactly one ${what}, found ${matches?.length ?? 0}`)
  }
  return text.replace(new RegExp(pattern.source, 'm'), replacement)
}

/**
 * The shipped config with the settings that depend on where it runs replaced: its port, its cache
 * folder, and the upstream's servers (one line per port, each with the shipped line's options).
 */
export function renderProxyConfig(
  shipped: string,
  {port, upstreamPorts, cacheDir}: {port: number; upstreamPorts: number[]; cacheDir: string},
): string {
  let config = replaceOnce(shipped, /^(\s*)listen\s+[^;]+;/, `$1listen 127.0.0.1:${port};`, '`listen`')
  config = replaceOnce(
    config,
    /^(\s*server\s+)127\.0\.0\.1:\d+([^;\n]*;\n)(?:\s*server\s+127\.0\.0\.1:\d+[^;\n]*;\n)*/,
    upstreamPorts.map((upstreamPort) => `$1127.0.0.1:${upstreamPort}$2`).join(''),
    'list of upstream `server`s',
  )
  return replaceOnce(config, /^(proxy_cache_path\s+)\S+/, `$1${cacheDir}`, '`proxy_cache_path`')
}

export function staticFileConfig({port, root}: {port: number; root: string}): string {
  return `server {
    listen 127.0.0.1:${port};
    root ${root};
    default_type text/html;
    location / {
        try_files $uri =404;
    }
}
`
}

/** The main config both nginx instances share; `body` goes inside its http block. */
export function mainConfig({dir, body}: {dir: string; body: string}): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types {
        text/html html;
        text/css css;
        application/javascript js;
    }
    client_body_temp_path ${dir}/client-body;
    proxy_temp_path ${dir}/proxy-temp;
    fastcgi_temp_path ${dir}/fastcgi-temp;
    uwsgi_temp_path ${dir}/uwsgi-temp;
    scgi_temp_path ${dir}/scgi-temp;
${body}
}
`
}

/** Writes the config, checks it with `nginx -t`, and starts nginx in the foreground. */
export async function startNginx(name: string, folder: string, body: string): Promise<Managed> {
  // nginx reads relative paths from its prefix, so everything it is given is absolute.
  const dir = path.resolve(folder)
  await mkdir(dir, {recursive: true})
  const file = path.join(dir, 'nginx.conf')
  await writeFile(file, mainConfig({dir, body}))
  await run(`nginx -t (${name})`, 'nginx', ['-t', '-q', '-p', dir, '-c', file])
  return start(name, 'nginx', ['-p', dir, '-c', file])
}

export async function readShippedProxyConfig(): Promise<string> {
  return readFile(SHIPPED_PROXY_CONFIG, 'utf8')
}
