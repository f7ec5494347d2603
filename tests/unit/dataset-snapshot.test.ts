/**
 * A restart on a dataset file it has loaded before starts from the snapshot the first load wrote:
 * the same answers, with documents parsed only as queries reach them; never a stale snapshot.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {readSnapshot} from '@/lib/content/embedded/dataset-snapshot'
import {createLocalSource} from '@/lib/content/embedded/local-source'
import {pageNamesFromLists, toPageNames} from '@/lib/content/page-names'
import {PAGE_NAMES_QUERY, TERM_INDEX_QUERY, TERM_QUERY} from '@/sanity/queries'
import type {PAGE_NAMES_QUERY_RESULT} from '@/sanity/sanity.types'

const SEED = path.resolve('sanity/seed/dataset.ndjson')

describe('the dataset snapshot', () => {
  let dir: string
  let file: string
  const env = {runtime: process.env.NEXT_RUNTIME, distDir: process.env.NEXT_DIST_DIR}

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dataset-snapshot-'))
    file = path.join(dir, 'dataset.ndjson')
    copyFileSync(SEED, file)
    // Snapshots are written only inside Next, into its build folder.
    process.env.NEXT_RUNTIME = 'nodejs'
    process.env.NEXT_DIST_DIR = path.join(dir, 'build')
  })

  afterEach(() => {
    process.env.NEXT_RUNTIME = env.runtime
    if (env.runtime === undefined) delete process.env.NEXT_RUNTIME
    process.env.NEXT_DIST_DIR = env.distDir
    if (env.distDir === undefined) delete process.env.NEXT_DIST_DIR
    rmSync(dir, {recursive: true, force: true})
  })

  /** Waits for the snapshot the first load writes behind it. */
  async function snapshotWritten() {
    for (let tries = 0; tries < 100 && !(await readSnapshot(file)); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return readSnapshot(file)
  }

  it('answers a restart from the snapshot exactly as from the parsed file', async () => {
    const first = createLocalSource(file)
    const documents = await first.warmUp()
    const snapshot = await snapshotWritten()
    expect(snapshot?.entries).toHaveLength(documents!)
    expect(snapshot?.lists.map(([query]) => query)).toEqual([PAGE_NAMES_QUERY])
    // The URL gate's names come along worked out, the same as working them out again.
    const answer = await first.fetch<PAGE_NAMES_QUERY_RESULT>(PAGE_NAMES_QUERY, {}, [])
    expect(pageNamesFromLists(snapshot!.pageNames)).toEqual(toPageNames(answer))
    expect(snapshot!.pageNames.term).toContain('inbound-link') // an alias of Backlink, as a slug

    const restarted = createLocalSource(file)
    expect(await restarted.warmUp()).toBe(documents)
    for (const [query, params] of [
      [PAGE_NAMES_QUERY, {}],
      [TERM_INDEX_QUERY, {}],
      [TERM_QUERY, {slug: 'backlink'}],
      [TERM_QUERY, {slug: 'anchor-text'}],
    ] as const) {
      expect(await restarted.fetch(query, params, [])).toEqual(await first.fetch(query, params, []))
    }
    expect(readdirSync(path.join(dir, 'build/cache/glossary-dataset'))).toHaveLength(1)
  })

  it('is not used once the file has changed', async () => {
    await createLocalSource(file).warmUp()
    await snapshotWritten()
    const title = `*[_type == "term" && slug.current == "backlink"][0].title`

    // Another file of the same name: the restart parses it rather than trust the old snapshot.
    const text = readFileSync(file, 'utf8').replace('"title":"Backlink"', '"title":"Backlinks"')
    writeFileSync(file, text)
    const later = new Date(Date.now() + 5000)
    utimesSync(file, later, later)
    expect(await readSnapshot(file)).toBeNull()
    const restarted = createLocalSource(file)
    await expect(restarted.fetch(title, {}, [])).resolves.toBe('Backlinks')
  })

  it('is written only inside Next', async () => {
    delete process.env.NEXT_RUNTIME
    await createLocalSource(file).warmUp()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(existsSync(path.join(dir, 'build'))).toBe(false)
  })
})
