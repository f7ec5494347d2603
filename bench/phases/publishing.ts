/**
 * How long a publish takes to reach readers: each row of the publish matrix (bench/lib/publish-
 * matrix) edits the dataset file the server reads, sends the revalidation webhook Sanity would
 * send (signed with @sanity/webhook), and polls every page of the row, from Next and through the
 * proxy, until each shows the change. Times run from the webhook's answer.
 */
import {readFile, rename, writeFile} from 'node:fs/promises'

import {encodeSignatureHeader} from '@sanity/webhook'

import {parseDataset, type SanityDocument} from '@/lib/content/dataset'
import {request} from '@/bench/lib/http'
import {pollChecks, type Answer, type Check} from '@/bench/lib/publish-checks'
import {PUBLISH_MATRIX, type Row} from '@/bench/lib/publish-matrix'
import type {PublishingResult, PublishRowResult} from '@/bench/lib/results'

/** The proxy's revalidation window (proxy_cache_valid in deploy/nginx.conf). */
export const PROXY_WINDOW_S = 2
const TARGET_MS = 5_000
const GIVE_UP_MS = 30_000
const POLL_MS = 100
/**
 * At benchmark sizes an author is credited on thousands of term pages. Polling them all would
 * time how fast one server re-renders thousands of pages, not how soon a reader sees the change:
 * every page other than a term's is checked, and an even spread of the term pages up to this many.
 */
const TERM_PAGES_CHECKED = 40

export function sample(checks: Check[]): Check[] {
  const termPages = checks.filter((check) => /^\/glossary\/[^/]+$/.test(check.path))
  const step = Math.max(1, termPages.length / TERM_PAGES_CHECKED)
  const kept = new Set(
    Array.from(
      {length: Math.min(termPages.length, TERM_PAGES_CHECKED)},
      (_, i) => termPages[Math.floor(i * step)],
    ),
  )
  return checks.filter((check) => !termPages.includes(check) || kept.has(check))
}

export async function answer(url: string, attempt = 1): Promise<Answer> {
  try {
    const response = await request(url)
    return {status: response.status, headers: response.headers, body: response.body.toString('utf8')}
  } catch (error) {
    // A kept-alive connection the server closed just as it was reused: ask again on a new one.
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' && attempt < 3) return answer(url, attempt + 1)
    throw error
  }
}

async function writeDataset(file: string, documents: SanityDocument[]) {
  await writeFile(`${file}.tmp`, documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  await rename(`${file}.tmp`, file)
}

/**
 * Publishes one row as the Studio and Sanity would: writes the edited dataset, then sends the
 * signed webhook to `appUrl`. Returns the dataset after the publish.
 */
export async function publishRow(
  row: Row,
  {
    documents,
    datasetFile,
    appUrl,
    webhookSecret,
  }: {documents: SanityDocument[]; datasetFile: string; appUrl: string; webhookSecret: string},
): Promise<SanityDocument[]> {
  const before = documents.find((doc) => doc._id === row.id) ?? null
  const edited = row.edit(documents)
  const after = edited.find((doc) => doc._id === row.id) ?? null
  await writeDataset(datasetFile, edited)
  const body = JSON.stringify({_id: row.id, _type: (before ?? after)!._type, before, after})
  const webhook = await request(`${appUrl}/api/revalidate`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), webhookSecret),
    },
    body,
  })
  if (webhook.status !== 200) throw new Error(`the webhook for "${row.name}" answered ${webhook.status}`)
  return edited
}

export async function measurePublishing(
  appUrl: string,
  proxyUrl: string,
  datasetFile: string,
  webhookSecret: string,
): Promise<PublishingResult> {
  let documents = parseDataset(await readFile(datasetFile, 'utf8'), datasetFile)
  const rows: PublishRowResult[] = []
  for (const row of PUBLISH_MATRIX) {
    const every = row.checks(documents)
    const checks = sample(every)
    // Readers have seen every page before the publish, so Next and the proxy both hold it.
    for (const check of checks)
      await Promise.all([answer(`${appUrl}${check.path}`), answer(`${proxyUrl}${check.path}`)])
    documents = await publishRow(row, {documents, datasetFile, appUrl, webhookSecret})
    const polling = {since: performance.now(), budgetMs: GIVE_UP_MS, everyMs: POLL_MS}
    const [origin, proxy] = await Promise.all([
      pollChecks(checks, (path) => answer(`${appUrl}${path}`), polling),
      pollChecks(checks, (path) => answer(`${proxyUrl}${path}`), polling),
    ])
    rows.push({
      name: row.name,
      reaches: row.reaches,
      pages: every.length,
      checked: checks.length,
      originVisibleMs: origin.ms,
      proxyVisibleMs: proxy.ms,
      failed: [...new Set([...origin.failed, ...proxy.failed])],
    })
  }
  return {
    proxyWindowS: PROXY_WINDOW_S,
    termPagesChecked: TERM_PAGES_CHECKED,
    targetMs: TARGET_MS,
    rows,
    pass: rows.every((row) => row.proxyVisibleMs !== null && row.proxyVisibleMs < TARGET_MS),
  }
}
