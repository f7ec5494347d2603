import {
  findTermRedirect,
  getAuthor,
  getGuide,
  getTerm,
  getTermSummary,
  listGuideSlugs,
  listGuides,
  listTermSlugs,
  listTerms,
  resolveTerm,
} from '@/lib/content'

/** The domain functions over the real embedded dataset, evaluated by groq-js. */
describe('content queries over the embedded dataset', () => {
  it('getTerm returns Backlink with every part the page shows', async () => {
    const term = await getTerm('backlink')
    expect(term).not.toBeNull()
    expect(term).toMatchObject({
      title: 'Backlink',
      slug: 'backlink',
      difficulty: 'beginner',
      updated: '2026-03-25',
      aliases: ['inbound link', 'incoming link', 'external backlink'],
      category: {slug: expect.any(String), title: expect.any(String)},
      author: {name: expect.any(String), slug: expect.any(String)},
    })
    expect(term!._rev).toEqual(expect.any(String))
    expect(term!.quickAnswer.length).toBeLessThanOrEqual(320)
    expect(term!.keyTakeaways.length).toBeGreaterThanOrEqual(2)
    for (const field of [
      'intro',
      'whatItMeans',
      'whyItMatters',
      'exampleInPractice',
      'whatItIsNot',
    ] as const) {
      expect(term![field]?.length).toBeGreaterThan(0)
    }
    expect(term!.relatedTerms!.map((related) => related.slug)).toContain('link-building')
    for (const related of term!.relatedTerms!) {
      expect(related).toEqual(expect.objectContaining({title: expect.any(String), slug: expect.any(String)}))
    }
    expect(term!.deeperGuides!.length).toBeGreaterThan(0)
    expect(term!.businessContext?.handoff).toMatchObject({
      _type: 'term',
      slug: 'link-building',
      title: 'Link Building',
    })
  })

  it('resolves internal links in rich text to the target’s current slug', async () => {
    const slugs = await listTermSlugs()
    const terms = await Promise.all(slugs.map((slug) => getTerm(slug)))
    const targets = terms.flatMap((term) =>
      [term?.intro, term?.whatItMeans, term?.whyItMatters, term?.exampleInPractice, term?.whatItIsNot]
        .flatMap((blocks) => blocks ?? [])
        .flatMap((block) => (block._type === 'block' ? (block.markDefs ?? []) : []))
        .filter((mark) => mark._type === 'internalLink'),
    )
    expect(targets.length).toBeGreaterThan(0)
    for (const mark of targets) {
      if (mark._type !== 'internalLink') continue
      expect(mark.target?.slug).toEqual(expect.any(String))
    }
  })

  it('getTerm returns null for an unknown slug', async () => {
    expect(await getTerm('no-such-term')).toBeNull()
  })

  it('lists every term once, sorted by title, with its card fields', async () => {
    const terms = await listTerms()
    expect(terms.length).toBeGreaterThanOrEqual(30)
    expect(new Set(terms.map((term) => term.slug)).size).toBe(terms.length)
    const titles = terms.map((term) => term.title.toLowerCase())
    expect(titles).toEqual([...titles].sort())
    expect(new Set(terms.map((term) => term.difficulty))).toEqual(
      new Set(['beginner', 'intermediate', 'advanced']),
    )
    expect(new Set(terms.map((term) => term.category?.slug)).size).toBeGreaterThanOrEqual(4)
  })

  it('sends aliases and previous slugs to their term, and nothing else', async () => {
    expect(await findTermRedirect('inbound-link')).toBe('backlink')
    expect(await findTermRedirect('external-backlink')).toBe('backlink')
    expect(await findTermRedirect('backlinks')).toBe('backlink')
    expect(await findTermRedirect('backlink')).toBeNull()
    expect(await findTermRedirect('no-such-thing')).toBeNull()
  })

  it('resolves a term URL segment to the term, a permanent address, or nothing', async () => {
    const found = await resolveTerm('backlink', getTermSummary)
    expect(found && 'term' in found && found.term?.title).toBe('Backlink')
    // An alias, an old slug, an upper-case spelling of either or of the slug: the term's address.
    for (const segment of ['inbound-link', 'backlinks', 'Inbound-Link', 'BACKLINK']) {
      expect(await resolveTerm(segment, getTermSummary)).toEqual({redirectTo: 'backlink'})
    }
    // Slugs are lower case: an upper-case spelling of nothing is sent to its lower case, which 404s.
    expect(await resolveTerm('No-Such-Thing', getTermSummary)).toEqual({redirectTo: 'no-such-thing'})
    expect(await resolveTerm('no-such-thing', getTermSummary)).toBeNull()
  })

  it('getAuthor lists the terms the author wrote', async () => {
    const backlink = await getTerm('backlink')
    const author = await getAuthor(backlink!.author!.slug)
    expect(author).toMatchObject({
      name: backlink!.author!.name,
      role: expect.any(String),
      bio: expect.any(String),
    })
    expect(author!.terms.map((term) => term.slug)).toContain('backlink')
    expect(await getAuthor('nobody')).toBeNull()
  })

  it('getTerm lists the guides and terms that link to the term, by title', async () => {
    const term = await getTerm('backlink')
    const referencedBy = term!.referencedBy
    expect(referencedBy).toContainEqual({
      _type: 'guide',
      title: expect.stringMatching(/Link Building Playbook/),
      slug: 'link-building-playbook',
    })
    expect(referencedBy.filter((doc) => doc._type === 'term').length).toBeGreaterThan(0)
    expect(referencedBy.map((doc) => doc.slug)).not.toContain('backlink')
    const titles = referencedBy.map((doc) => doc.title)
    expect(titles).toEqual([...titles].sort())
  })

  it('getTermSummary returns the public fields of one term, and null for an unknown slug', async () => {
    expect(await getTermSummary('backlink')).toEqual({
      title: 'Backlink',
      slug: 'backlink',
      shortDefinition: expect.any(String),
      aliases: ['inbound link', 'incoming link', 'external backlink'],
      difficulty: 'beginner',
      updated: '2026-03-25',
    })
    expect(await getTermSummary('no-such-term')).toBeNull()
  })

  it('getGuide returns an internal guide with its body, author and the terms its body links to', async () => {
    const guide = await getGuide('link-building-playbook')
    expect(guide).toMatchObject({
      slug: 'link-building-playbook',
      externalUrl: null,
      updated: '2026-06-18',
      author: {name: expect.any(String), slug: expect.any(String)},
    })
    const linked = guide!
      .body!.flatMap((block) => (block._type === 'block' ? (block.markDefs ?? []) : []))
      .flatMap((mark) =>
        mark._type === 'internalLink' && mark.target?._type === 'term' ? [mark.target] : [],
      )
    expect(linked.length).toBeGreaterThan(0)
    expect(guide!.terms.map((term) => term.slug).sort()).toEqual(
      [...new Set(linked.map((target) => target.slug))].sort(),
    )
    expect(guide!.terms.map((term) => term.title)).toEqual([
      'Anchor Text',
      'Backlink',
      'Broken Link',
      'Domain Authority',
      'Link Building',
    ])
  })

  it('lists guide pages only for guides written here, and every guide in the index', async () => {
    const slugs = await listGuideSlugs()
    const guides = await listGuides()
    expect(slugs).toHaveLength(6)
    expect(guides).toHaveLength(11)
    const external = guides.filter((guide) => guide.externalUrl)
    expect(external).toHaveLength(5)
    for (const guide of external) expect(slugs).not.toContain(guide.slug)
    expect((await getGuide(external[0]!.slug))?.body).toBeNull()
  })
})
