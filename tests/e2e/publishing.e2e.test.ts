import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {parseDataset, type SanityDocument} from '@/lib/content/dataset'

import {rawRequest} from './support/http'
import {root, startNextServer, type RunningServer} from './support/server'
import {webhookHeaders} from './support/webhook'

const WEBHOOK_SECRET = 'e2e-publish-secret'
const VISIBLE_WITHIN_MS = 10_000

/**
 * Publishing on the embedded dataset, as an editor without a Sanity project would: change the
 * dataset file, send the signed webhook Sanity would send, and read the pages a reader reads.
 * The server serves a fresh copy of the build and of the dataset, since both get rewritten.
 */
describe('publishing on the embedded dataset', () => {
  let server: RunningServer
  let scratch: string
  let datasetFile: string
  let documents: SanityDocument[]
  const url = (pathname: string) => `${server.url}${pathname}`

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'e2e-publish-'))
    datasetFile = path.join(scratch, 'dataset.ndjson')
    cpSync(path.join(root, 'sanity/seed/dataset.ndjson'), datasetFile)
    documents = parseDataset(readFileSync(datasetFile, 'utf8'), datasetFile)
    const distDir = '.next-publish'
    rmSync(path.join(root, distDir), {recursive: true, force: true})
    cpSync(path.join(root, '.next'), path.join(root, distDir), {recursive: true})
    server = await startNextServer(0, {
      NEXT_DIST_DIR: distDir,
      CONTENT_DATASET_FILE: datasetFile,
      SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
      FEEDBACK_DATA_DIR: path.join(scratch, 'feedback'),
    })
  }, 90_000)

  afterAll(async () => {
    await server?.stop()
    rmSync(scratch, {recursive: true, force: true})
    rmSync(path.join(root, '.next-publish'), {recursive: true, force: true})
  })

  /** Edits one document in the dataset file, as a publish in the Studio would change it. */
  function publish(id: string, changes: Partial<SanityDocument>) {
    documents = documents.map((doc) => (doc._id === id ? {...doc, ...changes} : doc))
    writeFileSync(datasetFile, documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  }

  async function sendWebhook(change: Record<string, unknown>) {
    const body = JSON.stringify(change)
    const response = await rawRequest(url('/api/revalidate'), {
      method: 'POST',
      headers: await webhookHeaders(body, WEBHOOK_SECRET),
      body,
    })
    expect(response.status).toBe(200)
  }

  /** The pages that do not show `text` within the window (each polled until it does). */
  async function pagesWithout(text: string, pathnames: string[]): Promise<string[]> {
    const deadline = Date.now() + VISIBLE_WITHIN_MS
    const missing = new Set(pathnames)
    while (missing.size && Date.now() < deadline) {
      for (const pathname of [...missing]) {
        const page = await rawRequest(url(pathname))
        if (page.status === 200 && page.body.includes(text)) missing.delete(pathname)
      }
      if (missing.size) await new Promise((resolve) => setTimeout(resolve, 300))
    }
    return [...missing]
  }

  const slugsReferencing = (id: string, type: string) =>
    documents
      .filter((doc) => doc._type === type && doc._id !== id && JSON.stringify(doc).includes(`"_ref":"${id}"`))
      .filter((doc) => type !== 'guide' || !doc.externalUrl)
      .map((doc) => (doc.slug as {current: string}).current)

  it("shows a term's new title on its page, the pages that show it and the index", async () => {
    const pages = [
      '/glossary/backlink',
      ...slugsReferencing('term-backlink', 'term').map((slug) => `/glossary/${slug}`),
      ...slugsReferencing('term-backlink', 'guide').map((slug) => `/guides/${slug}`),
      '/glossary/letter/b',
      '/glossary/category/links-authority',
    ]
    for (const pathname of pages) {
      const before = await rawRequest(url(pathname))
      expect([pathname, before.status]).toEqual([pathname, 200])
    }
    publish('term-backlink', {title: 'Backlink Renamed'})
    await sendWebhook({_id: 'term-backlink', _type: 'term', slug: 'backlink', previousSlug: 'backlink'})
    await expect(pagesWithout('Backlink Renamed', pages)).resolves.toEqual([])
  }, 60_000)

  it("shows a guide's new title on its page and the guide index", async () => {
    const pages = ['/guides/link-building-playbook', '/guides']
    for (const pathname of pages) expect((await rawRequest(url(pathname))).status).toBe(200)
    publish('guide-link-building-playbook', {title: 'The Renamed Playbook'})
    await sendWebhook({
      _id: 'guide-link-building-playbook',
      _type: 'guide',
      slug: 'link-building-playbook',
      previousSlug: 'link-building-playbook',
    })
    await expect(pagesWithout('The Renamed Playbook', pages)).resolves.toEqual([])
  }, 60_000)
})
