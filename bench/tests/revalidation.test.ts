import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {countVotes} from '@/bench/phases/feedback'
import {DEFAULT_REVIEW_RULES} from '@/lib/feedback/needs-review'
import {rankFeedback, wholeSummary} from '@/lib/feedback/summary'
import {publish, sMaxAge} from '@/bench/phases/revalidation'
import {parseDataset} from '@/lib/content/dataset'

describe('sMaxAge', () => {
  it('reads the shared-cache lifetime Next announces', () => {
    expect(sMaxAge('s-maxage=5, stale-while-revalidate=31535995')).toBe(5)
    expect(sMaxAge('public, s-maxage=3600')).toBe(3600)
  })

  it('fails on a response without one (a dynamic page cannot be checked)', () => {
    expect(() => sMaxAge('private, no-cache, no-store, max-age=0, must-revalidate')).toThrow(/s-maxage/)
    expect(() => sMaxAge(undefined)).toThrow(/s-maxage/)
  })
})

describe('publish', () => {
  it('changes one document of the dataset and leaves the file complete', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-publish-'))
    const file = path.join(dir, 'content.ndjson')
    const lines = [
      {_id: 'author-a', _type: 'author', name: 'A'},
      {_id: 'term-backlink', _type: 'term', shortDefinition: 'Old', author: {_ref: 'author-a'}},
      {_id: 'term-other', _type: 'term', shortDefinition: 'Other'},
    ]
    await writeFile(file, lines.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
    await publish(file, 'term-backlink', (doc) => {
      doc.shortDefinition = 'New'
    })
    const documents = parseDataset(await readFile(file, 'utf8'), file)
    expect(documents.map((doc) => doc.shortDefinition)).toEqual([undefined, 'New', 'Other'])
    expect(await readdir(dir)).toEqual(['content.ndjson'])
  })

  it('fails when the document is not in the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-publish-'))
    const file = path.join(dir, 'content.ndjson')
    await writeFile(file, JSON.stringify({_id: 'term-x', _type: 'term'}))
    await expect(publish(file, 'term-backlink', () => {})).rejects.toThrow(/no document term-backlink/)
  })
})

describe('countVotes', () => {
  it('adds up every term’s votes over all its revisions in the real summary', () => {
    const summary = wholeSummary(
      rankFeedback({
        counts: [
          {
            termId: 'term-a',
            termRev: 'r1',
            vote: 'yes',
            reason: null,
            votes: 3,
            firstVoteAt: '2026-11-01T09:00:00Z',
          },
          {
            termId: 'term-a',
            termRev: 'r2',
            vote: 'no',
            reason: 'unclear',
            votes: 1,
            firstVoteAt: '2026-11-01T09:00:00Z',
          },
          {
            termId: 'term-b',
            termRev: 'r1',
            vote: 'no',
            reason: null,
            votes: 2,
            firstVoteAt: '2026-11-01T09:00:00Z',
          },
        ],
        terms: [{_id: 'term-a', _rev: 'r2', slug: 'a', title: 'A', updated: '2026-10-01'}],
        searchMisses: [],
        reviewRules: DEFAULT_REVIEW_RULES,
      }),
    )
    expect(countVotes(JSON.parse(JSON.stringify(summary)))).toBe(6)
  })

  it('is null for anything that is not a summary', () => {
    expect(countVotes({terms: [{yes: 1, no: 2}]})).toBeNull()
    expect(countVotes({votes: 12})).toBeNull()
    expect(countVotes('yes')).toBeNull()
    expect(countVotes({voteCount: '12'})).toBeNull()
    // A page of a summary says how many votes there are on every term, listed or not.
    expect(countVotes({voteCount: 12, terms: []})).toBe(12)
  })
})
