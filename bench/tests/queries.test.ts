import {readFileSync} from 'node:fs'

import {generateDataset} from '@/bench/lib/synthetic-dataset'
import type {BenchQuery} from '@/bench/phases/search'
import {parseDataset} from '@/lib/content/dataset'

const EMBEDDED = 'sanity/seed/dataset.ndjson'
const queries = JSON.parse(readFileSync('bench/queries.json', 'utf8')) as BenchQuery[]

/** bench/queries.json is fixed; these checks keep it true to the 10,000-term dataset it is run on. */
describe('the benchmark search queries', () => {
  const documents = generateDataset(parseDataset(readFileSync(EMBEDDED, 'utf8'), EMBEDDED), {terms: 10_000})
  const terms = documents.filter((doc) => doc._type === 'term') as unknown as {
    title: string
    aliases?: string[]
    shortDefinition: string
  }[]
  const titles = new Set(terms.map((term) => term.title.toLowerCase()))
  const aliases = new Set(terms.flatMap((term) => term.aliases ?? []).map((alias) => alias.toLowerCase()))
  const searchable = terms
    .flatMap((term) => [term.title, term.shortDefinition, ...(term.aliases ?? [])])
    .join('\n')
    .toLowerCase()

  it('are 100, of every kind, none repeated', () => {
    expect(queries).toHaveLength(100)
    expect(new Set(queries.map((query) => query.q.toLowerCase())).size).toBe(100)
    for (const kind of ['title', 'alias', 'prefix', 'miss']) {
      expect(queries.filter((query) => query.kind === kind).length).toBeGreaterThanOrEqual(10)
    }
  })

  it('name a term by its title, its alias or the start of its title', () => {
    for (const {q, kind} of queries) {
      const query = q.toLowerCase()
      if (kind === 'title') expect(titles.has(query)).toBe(true)
      if (kind === 'alias') expect(aliases.has(query)).toBe(true)
      if (kind === 'prefix') expect([...titles].some((title) => title.startsWith(query))).toBe(true)
    }
  })

  it('miss everything: no title, alias or short definition contains a miss', () => {
    for (const {q} of queries.filter((query) => query.kind === 'miss')) {
      expect(searchable.includes(q.toLowerCase())).toBe(false)
    }
  })
})
