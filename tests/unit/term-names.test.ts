import path from 'node:path'

import {readDataset} from '@/lib/content/dataset'
import {findNameClashes, termUrlSegments} from '@/lib/content/term-names'

describe('term URL names', () => {
  it('no two terms of the embedded dataset claim one slug, previous slug or alias', async () => {
    const documents = await readDataset(path.join(process.cwd(), 'sanity/seed/dataset.ndjson'))
    expect(findNameClashes(documents)).toEqual([])
    const segments = termUrlSegments(documents.filter((doc) => doc._type === 'term'))
    expect(segments.get('inbound-link')).toBe('backlink')
    expect(segments.get('backlinks')).toBe('backlink')
  })

  it('reports an alias that another term already answers to', () => {
    expect(
      findNameClashes([
        {_type: 'term', slug: {current: 'backlink'}, aliases: ['Inbound Link']},
        {_type: 'term', slug: {current: 'inbound-link'}},
      ]),
    ).toEqual(['"inbound-link" is claimed more than once (by backlink, inbound-link)'])
  })
})
