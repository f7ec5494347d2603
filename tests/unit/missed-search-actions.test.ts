import {Mutation} from '@sanity/mutator'

import {
  addAliasMutations,
  missedSearchNote,
  missedSearchOffer,
  newTermDraft,
  termTitleFromMissedSearch,
  type TermPair,
} from '@/lib/feedback/missed-search-actions'

const MISS = {
  query: 'content pruning',
  count: 12,
  firstSeen: '2026-11-03T10:00:00.000Z',
  lastSeen: '2026-12-05T08:00:00.000Z',
}
const VARIANT = {termId: 'term-backlink', termTitle: 'Backlink', name: 'Backlink', distance: 0}

const published = {
  _id: 'term-backlink',
  _type: 'term',
  _rev: 'rev-p',
  _createdAt: '2026-01-01T00:00:00Z',
  _updatedAt: '2026-02-01T00:00:00Z',
  title: 'Backlink',
  slug: {_type: 'slug', current: 'backlink'},
  aliases: ['Inbound link'],
}

describe('a missed search becoming a title', () => {
  it.each([
    ['content pruning', 'Content pruning'],
    ['  Content   PRUNING ', 'Content pruning'],
    ['évaluation', 'Évaluation'],
    ['e-e-a-t', 'E-e-a-t'],
  ])('takes “%s” as “%s”', (query, title) => {
    expect(termTitleFromMissedSearch(query)).toBe(title)
  })

  it.each([
    ['control characters', 'seo\u001b[31m'],
    ['a null byte', 'back\u0000link'],
    ['only punctuation', '?!…'],
    ['only digits and signs', '404 + 500'],
    ['one letter', 'a'],
    ['markup', '<script>alert(1)</script>'],
    ['too many words', 'one two three four five six seven'],
    ['too long', 'x'.repeat(61)],
  ])('never takes %s', (_, query) => {
    expect(termTitleFromMissedSearch(query)).toBeNull()
    expect(missedSearchOffer(query, {found: false, variant: null})).toEqual({kind: 'not-a-name'})
    expect(newTermDraft({...MISS, query}, 'id')).toBeNull()
  })
})

describe('missedSearchOffer', () => {
  it('offers nothing for a search that finds a term now', () => {
    expect(missedSearchOffer('content pruning', {found: true, variant: null})).toEqual({kind: 'handled'})
  })
  it('offers the alias for a spelling variant, and a new term otherwise', () => {
    expect(missedSearchOffer('back links', {found: false, variant: VARIANT})).toEqual({
      kind: 'add-alias',
      variant: VARIANT,
    })
    expect(missedSearchOffer('content pruning', {found: false, variant: null})).toEqual({
      kind: 'create-term',
      title: 'Content pruning',
    })
  })
})

describe('the new draft term', () => {
  it('is a draft with the title and the search kept as the editorial note', () => {
    expect(newTermDraft(MISS, 'abc')).toEqual({
      _id: 'drafts.abc',
      _type: 'term',
      title: 'Content pruning',
      editorialNote:
        'Readers searched for “content pruning” 12 times between 3 Nov 2026 and 5 Dec 2026 and found nothing.',
    })
  })
  it('says once and one day plainly', () => {
    expect(missedSearchNote({...MISS, count: 1, lastSeen: MISS.firstSeen})).toBe(
      'Readers searched for “content pruning” once on 3 Nov 2026 and found nothing.',
    )
  })
})

/** What the Content Lake would hold after the mutations, applied by Sanity's own mutation engine. */
function applied(pair: TermPair, mutations: object[]) {
  const draftId = 'drafts.term-backlink'
  let draft: Record<string, unknown> | null = pair.draft
  for (const mutation of mutations) {
    if ('createIfNotExists' in mutation) {
      draft ??= (mutation as {createIfNotExists: Record<string, unknown>}).createIfNotExists
    } else {
      draft = new Mutation({mutations: [mutation]}).apply({_id: draftId, _type: 'term', ...draft}) as Record<
        string,
        unknown
      >
    }
  }
  return draft
}

describe('addAliasMutations', () => {
  it('makes the draft from the published term, without its system fields, and appends the alias', () => {
    const pair = {published, draft: null}
    const mutations = addAliasMutations(pair, 'back links')
    expect(mutations).toEqual([
      {
        createIfNotExists: {
          _id: 'drafts.term-backlink',
          _type: 'term',
          title: 'Backlink',
          slug: {_type: 'slug', current: 'backlink'},
          aliases: ['Inbound link'],
        },
      },
      {
        patch: {
          id: 'drafts.term-backlink',
          setIfMissing: {aliases: []},
          insert: {after: 'aliases[-1]', items: ['back links']},
        },
      },
    ])
    expect(applied(pair, mutations as object[])).toEqual(
      expect.objectContaining({_id: 'drafts.term-backlink', aliases: ['Inbound link', 'back links']}),
    )
  })

  it('patches an existing draft only at the revision it was read at', () => {
    const draft = {_id: 'drafts.term-backlink', _type: 'term', _rev: 'rev-d', title: 'Backlinks'}
    const mutations = addAliasMutations({published, draft}, 'back link')
    expect(mutations).toEqual([
      {
        patch: {
          id: 'drafts.term-backlink',
          ifRevisionID: 'rev-d',
          setIfMissing: {aliases: []},
          insert: {after: 'aliases[-1]', items: ['back link']},
        },
      },
    ])
    expect(applied({published, draft}, mutations as object[])).toEqual(
      expect.objectContaining({title: 'Backlinks', aliases: ['back link']}),
    )
  })

  it('refuses when the term is gone, or already has the name', () => {
    expect(addAliasMutations({published: null, draft: null}, 'back links')).toEqual({
      refused: 'The term was deleted since this list was made.',
    })
    expect(addAliasMutations({published, draft: null}, 'INBOUND LINK')).toEqual({
      refused: 'The term is already called “INBOUND LINK”.',
    })
  })

  it('never publishes: every mutation writes the draft', () => {
    const mutations = addAliasMutations({published, draft: null}, 'back links') as object[]
    expect(JSON.stringify(mutations)).not.toMatch(/"(?:id|_id)":"term-backlink"/)
  })
})
