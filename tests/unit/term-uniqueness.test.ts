import {evaluate, parse} from 'groq-js'
import type {SlugValidationContext, ValidationContext} from 'sanity'

import {checkAliasesUnique, isTermSlugUnique} from '@/sanity/lib/term-uniqueness'

const terms = [
  {
    _id: 'term-backlink',
    _type: 'term',
    title: 'Backlink',
    slug: {current: 'backlink'},
    aliases: ['Inbound link'],
    previousSlugs: ['backlinks'],
  },
  {
    _id: 'drafts.term-new',
    _type: 'term',
    title: 'Link Rot',
    slug: {current: 'link-rot'},
    aliases: null,
    previousSlugs: null,
  },
  {
    _id: 'term-own',
    _type: 'term',
    title: 'Own',
    slug: {current: 'own'},
    aliases: ['Mine'],
    previousSlugs: null,
  },
  {
    _id: 'drafts.term-own',
    _type: 'term',
    title: 'Own',
    slug: {current: 'own'},
    aliases: ['Mine'],
    previousSlugs: null,
  },
]

/** The Studio's validation context for the term `own` being edited, its client answering from `terms` with groq-js. */
function editing(documentId = 'drafts.term-own') {
  const client = {
    fetch: async (query: string, params: Record<string, unknown>) =>
      (await evaluate(parse(query), {dataset: terms, params})).get(),
  }
  return {
    getClient: () => client,
    document: {_id: documentId, _type: 'term', slug: {current: 'own'}},
  } as unknown as ValidationContext & SlugValidationContext
}

describe('the Studio’s checks that no two terms claim one URL', () => {
  it('refuses a slug another term has as its slug, an old slug or an alias, drafts included', async () => {
    for (const taken of ['backlink', 'backlinks', 'inbound-link', 'link-rot']) {
      await expect(isTermSlugUnique(taken, editing())).resolves.toBe(false)
    }
    await expect(isTermSlugUnique('link-equity', editing())).resolves.toBe(true)
  })

  it('does not count the edited term against itself, as a draft or as published', async () => {
    await expect(isTermSlugUnique('mine', editing())).resolves.toBe(true)
    await expect(isTermSlugUnique('mine', editing('term-own'))).resolves.toBe(true)
  })

  it('names the term that already uses an alias, and other mistakes in plain words', async () => {
    await expect(checkAliasesUnique(['Inbound Link'], editing())).resolves.toBe(
      '"Inbound Link" is already used by the term "Backlink".',
    )
    await expect(checkAliasesUnique(['Own'], editing())).resolves.toBe(
      '"Own" is the same as this term\'s own slug.',
    )
    await expect(checkAliasesUnique(['Rot', 'ROT'], editing())).resolves.toBe('"ROT" is listed twice.')
    await expect(checkAliasesUnique(['!!'], editing())).resolves.toBe(
      '"!!" has no letters or digits to build a link from.',
    )
    await expect(checkAliasesUnique(['Decayed link'], editing())).resolves.toBe(true)
  })
})
