import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {createLocalSource} from '@/lib/content/local-source'

const line = (doc: object) => JSON.stringify(doc)

describe('the embedded-dataset source', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'local-source-'))
  })

  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('serves published documents only, like the published perspective', async () => {
    const file = path.join(dir, 'with-drafts.ndjson')
    await writeFile(
      file,
      [
        line({_id: 'term-a', _type: 'term', title: 'Published A'}),
        line({_id: 'drafts.term-a', _type: 'term', title: 'Draft of A'}),
        line({_id: 'drafts.term-b', _type: 'term', title: 'Draft-only B'}),
        line({_id: 'versions.r1.term-a', _type: 'term', title: 'A in a release'}),
      ].join('\n'),
    )
    const source = createLocalSource(file)
    await expect(source.fetch('*[_type == "term"].title', {}, [])).resolves.toEqual(['Published A'])
  })
})
