import path from 'node:path'

import {DatasetError, parseDataset, readDataset} from '@/lib/content/dataset'

const line = (doc: object) => JSON.stringify(doc)

describe('parseDataset', () => {
  it('parses every document of a Sanity export', () => {
    const text = [
      line({_id: 'a', _type: 'author'}),
      '',
      line({_id: 'b', _type: 'term', author: {_ref: 'a'}}),
    ].join('\n')
    expect(parseDataset(text, 'x.ndjson').map((doc) => doc._id)).toEqual(['a', 'b'])
  })

  it('names the file and line of a malformed line', () => {
    const text = [line({_id: 'a', _type: 'author'}), '{"_id": "b", '].join('\n')
    expect(() => parseDataset(text, 'seed.ndjson')).toThrow(DatasetError)
    expect(() => parseDataset(text, 'seed.ndjson')).toThrow(/^seed\.ndjson:2: not valid JSON/)
  })

  it('rejects a line without an _id or _type', () => {
    expect(() => parseDataset(line({_type: 'term'}), 'seed.ndjson')).toThrow(
      'seed.ndjson:1: a document needs a string _id and _type',
    )
  })

  it('rejects a repeated id, naming both lines', () => {
    const text = [line({_id: 'a', _type: 'term'}), line({_id: 'a', _type: 'term'})].join('\n')
    expect(() => parseDataset(text, 'seed.ndjson')).toThrow(
      'seed.ndjson:2: document "a" repeats the id of line 1',
    )
  })

  it('names the document, line and path of a dangling reference', () => {
    const text = [
      line({_id: 'a', _type: 'author'}),
      line({_id: 'term-x', _type: 'term', relatedTerms: [{_key: 'k', _ref: 'term-gone'}]}),
    ].join('\n')
    expect(() => parseDataset(text, 'seed.ndjson')).toThrow(
      'seed.ndjson:2: document "term-x" refers to missing document "term-gone" at relatedTerms[0]',
    )
  })

  it('allows weak references to missing documents', () => {
    const text = line({_id: 'a', _type: 'term', handoff: {_ref: 'gone', _weak: true}})
    expect(parseDataset(text, 'seed.ndjson')).toHaveLength(1)
  })
})

describe('readDataset', () => {
  it('names a missing file', async () => {
    await expect(readDataset('/nowhere/dataset.ndjson')).rejects.toThrow(
      '/nowhere/dataset.ndjson: cannot read the embedded dataset (ENOENT)',
    )
  })

  it('reads the fixture dataset', async () => {
    const docs = await readDataset(path.join(__dirname, '../fixtures/minimal.ndjson'))
    expect(docs.filter((doc) => doc._type === 'term')).toHaveLength(2)
  })
})
