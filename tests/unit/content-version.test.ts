import {once} from 'node:events'
import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {TERM_INDEX_VERSION_QUERY} from '@/sanity/queries'
import {log as logger} from '@/lib/observability/log.mjs'

describe('the content version of the embedded dataset', () => {
  let folder: string
  const original = process.env.CONTENT_DATASET_FILE

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'content-version-'))
    process.env.CONTENT_DATASET_FILE = path.join(folder, 'dataset.ndjson')
    await copyFile(path.join(process.cwd(), 'sanity/seed/dataset.ndjson'), process.env.CONTENT_DATASET_FILE)
  })

  afterAll(async () => {
    if (original === undefined) delete process.env.CONTENT_DATASET_FILE
    else process.env.CONTENT_DATASET_FILE = original
    await rm(folder, {recursive: true, force: true})
  })

  it('stays the same until the file changes, and survives a broken save', async () => {
    jest.resetModules()
    const {contentVersion} = await import('@/lib/content')
    const first = await contentVersion()
    expect(await contentVersion()).toBe(first)

    const file = process.env.CONTENT_DATASET_FILE!
    const text = await readFile(file, 'utf8')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeFile(file, `${text}\n`)
    const second = await contentVersion()
    expect(second).not.toBe(first)

    // A save that does not load keeps the previous content, and so the previous version.
    const error = jest.spyOn(logger, 'error').mockImplementation(() => {})
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeFile(file, `${text}\n{"_id": `)
    expect(await contentVersion()).toBe(second)
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({reason: expect.stringContaining('serving the last good version')}),
      'embedded dataset unavailable',
    )
    error.mockRestore()
  })
})

describe('the content version on the Content Lake', () => {
  let server: Server
  let queries: string[]
  let answer = {count: 37, updatedAt: '2026-10-21T09:00:00Z'}

  beforeAll(async () => {
    queries = []
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost')
      queries.push(url.searchParams.get('query') ?? '')
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ms: 1, result: answer}))
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    process.env.NEXT_PUBLIC_SANITY_PROJECT_ID = 'testproject'
    process.env.NEXT_PUBLIC_SANITY_DATASET = 'production'
    process.env.SANITY_API_HOST = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.close()
    await once(server, 'close')
    delete process.env.NEXT_PUBLIC_SANITY_PROJECT_ID
    delete process.env.NEXT_PUBLIC_SANITY_DATASET
    delete process.env.SANITY_API_HOST
  })

  it('asks for the number of terms and the latest edit, and changes with either', async () => {
    jest.resetModules()
    const {contentVersion} = await import('@/lib/content')
    const first = await contentVersion()
    expect(queries).toEqual([TERM_INDEX_VERSION_QUERY])

    answer = {count: 37, updatedAt: '2026-10-22T10:00:00Z'}
    const edited = await contentVersion()
    answer = {count: 38, updatedAt: '2026-10-22T10:00:00Z'}
    const added = await contentVersion()
    expect(new Set([first, edited, added]).size).toBe(3)
  })
})
