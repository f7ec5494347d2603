import {cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {pollChecks} from '@/bench/lib/publish-checks'
import {PUBLISH_MATRIX} from '@/bench/lib/publish-matrix'
import {parseDataset, type SanityDocument} from '@/lib/content/dataset'

import {startContentLake, type ContentLake} from './support/content-lake'
import {rawRequest} from './support/http'
import {freshFixtureCopy, sanityFixtureEnv} from './support/sanity-fixture'
import {root, startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'
import {webhookHeaders} from './support/webhook'

const WEBHOOK_SECRET = 'e2e-publish-secret'
const VISIBLE_WITHIN_MS = 10_000

/** Where each source keeps its content, and how a publish changes it. */
type Site = {server: RunningServer; distDir: string; replace: (documents: SanityDocument[]) => void}

/**
 * The publish matrix (bench/lib/publish-matrix.ts) on one source: for each row, change
 * the content as the Studio would publish it, send the webhook Sanity would send (signed by
 * @sanity/webhook), and read every page of the row until it shows the change; then check that a
 * term page the change does not reach was not rendered again.
 */
function publishMatrix(start: (documents: SanityDocument[]) => Promise<Site>) {
  let site: Site
  let documents: SanityDocument[]
  /** Every tag a webhook refreshed so far: a page outside them all is outside every row so far. */
  const touched = new Set<string>()
  const url = (pathname: string) => `${site.server.url}${pathname}`

  // Each row publishes over the rows before it, on the same server: a row that fails leaves the
  // content and the cache in a state the next rows were not written for.
  test.describe.configure({mode: 'serial'})

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    const file = path.join(root, 'sanity/seed/dataset.ndjson')
    documents = parseDataset(readFileSync(file, 'utf8'), file)
    site = await start(documents)
  })

  test.afterAll(async () => {
    await site?.server.stop()
  })

  async function sendWebhook(change: Record<string, unknown>): Promise<string[]> {
    const body = JSON.stringify(change)
    const response = await rawRequest(url('/api/revalidate'), {
      method: 'POST',
      headers: await webhookHeaders(body, WEBHOOK_SECRET),
      body,
    })
    expect([response.status, response.body]).toEqual([200, expect.any(String)])
    return (JSON.parse(response.body) as {revalidated: string[]}).revalidated
  }

  /** A prerendered term page no webhook has refreshed, and when its HTML was last written. */
  function untouchedPage(): {pathname: string; html: string; writtenAt: number} {
    const term = documents.find((doc) => {
      const slug = (doc.slug as {current?: string} | undefined)?.current
      return doc._type === 'term' && slug && !touched.has(`term:${slug}`)
    })
    expect(term).toBeDefined()
    const slug = (term!.slug as {current: string}).current
    const html = path.join(root, site.distDir, 'server/app/glossary', `${slug}.html`)
    return {pathname: `/glossary/${slug}`, html, writtenAt: statSync(html).mtimeMs}
  }

  for (const row of PUBLISH_MATRIX) {
    test(`publishes a ${row.name} to every page that shows it, and no other`, async () => {
      const checks = row.checks(documents)
      for (const {path: pathname} of checks) await rawRequest(url(pathname))
      const before = documents.find((doc) => doc._id === row.id) ?? null
      documents = row.edit(documents)
      site.replace(documents)
      const after = documents.find((doc) => doc._id === row.id) ?? null
      const revalidated = await sendWebhook({_id: row.id, _type: (before ?? after)!._type, before, after})
      for (const tag of revalidated) touched.add(tag)
      const outside = untouchedPage()

      const shown = await pollChecks(checks, (pathname) => rawRequest(url(pathname)), {
        since: performance.now(),
        budgetMs: VISIBLE_WITHIN_MS,
        everyMs: 300,
      })
      expect(shown.failed).toEqual([])

      // A visit to a page the change does not reach serves it from the cache, as it was.
      expect((await rawRequest(url(outside.pathname))).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect([outside.pathname, statSync(outside.html).mtimeMs]).toEqual([
        outside.pathname,
        outside.writtenAt,
      ])
    })
  }
}

test.describe('publishing on the embedded dataset', () => {
  let scratch: string
  const distDir = '.next-publish'

  publishMatrix(async (documents) => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'e2e-publish-'))
    const datasetFile = path.join(scratch, 'dataset.ndjson')
    const replace = (next: SanityDocument[]) =>
      writeFileSync(datasetFile, next.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
    replace(documents)
    // The server rewrites the pages it refreshes, so it serves a copy of the build.
    rmSync(path.join(root, distDir), {recursive: true, force: true})
    cpSync(path.join(root, '.next'), path.join(root, distDir), {recursive: true})
    const server = await startNextServer(0, {
      NEXT_DIST_DIR: distDir,
      CONTENT_DATASET_FILE: datasetFile,
      SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
      FEEDBACK_DATA_DIR: path.join(scratch, 'feedback'),
    })
    return {server, distDir, replace}
  })

  test.afterAll(() => {
    rmSync(scratch, {recursive: true, force: true})
    rmSync(path.join(root, distDir), {recursive: true, force: true})
  })
})

test.describe('publishing on the Content Lake (a local stand-in)', () => {
  let lake: ContentLake

  publishMatrix(async (documents) => {
    lake = await startContentLake({documents})
    const distDir = freshFixtureCopy()
    const server = await startNextServer(0, {
      ...sanityFixtureEnv(lake.url, distDir),
      SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
    })
    return {server, distDir, replace: (next) => lake.setDocuments(next)}
  })

  test.afterAll(async () => {
    await lake?.stop()
  })
})
