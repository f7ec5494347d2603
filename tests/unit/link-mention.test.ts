import {Mutation} from '@sanity/mutator'

import {linkMentionPatch} from '@/lib/links/link-mention'
import {mentionFinder, type UnlinkedMention} from '@/lib/links/unlinked-mentions'

const TERMS = [{id: 'term-backlink', title: 'Backlink'}]
const unlinkedMentionsIn = mentionFinder(TERMS)

const span = (_key: string, text: string, marks: string[] = []) => ({_type: 'span', _key, text, marks})

const guide = (children: ReturnType<typeof span>[], markDefs: object[] = []) => ({
  _id: 'drafts.guide-g',
  _type: 'guide',
  body: [{_type: 'block', _key: 'b1', style: 'normal', markDefs, children}],
})

/** Keys as the Studio would make them, predictable here. */
const keys = () => {
  let next = 0
  return () => `new${++next}`
}

/** The document after the patch, applied by Sanity's own mutation engine. */
function patched(document: ReturnType<typeof guide>, mention: UnlinkedMention) {
  const patch = linkMentionPatch(document, mention, keys())!
  return new Mutation({mutations: [{patch: {id: document._id, ...patch}}]}).apply(document) as ReturnType<
    typeof guide
  >
}

describe('linkMentionPatch', () => {
  it('splits the span around the mention and links the mention to its term', () => {
    const document = guide([span('s1', 'Earn backlinks today.', ['strong'])])
    const [mention] = unlinkedMentionsIn(document)
    expect(linkMentionPatch(document, mention!, keys())).toEqual({
      set: {
        'body[_key=="b1"].children': [
          span('s1', 'Earn ', ['strong']),
          span('new2', 'backlinks', ['strong', 'new1']),
          span('new3', ' today.', ['strong']),
        ],
        'body[_key=="b1"].markDefs': [
          {_key: 'new1', _type: 'internalLink', reference: {_type: 'reference', _ref: 'term-backlink'}},
        ],
      },
    })
  })

  it('leaves no empty spans when the mention starts or ends its span, and keeps the other spans', () => {
    const document = guide([span('s1', 'Backlink'), span('s2', ' counts.')])
    const [mention] = unlinkedMentionsIn(document)
    const after = patched(document, mention!)
    expect(after.body[0]!.children).toEqual([span('s1', 'Backlink', ['new1']), span('s2', ' counts.')])
  })

  it('gives a document that reads the same, with the mention linked and no longer listed', () => {
    const document = guide(
      [span('s1', 'A backlink, then another backlink.')],
      [{_key: 'old', _type: 'link', href: 'https://example.com'}],
    )
    const [first, second] = unlinkedMentionsIn(document)
    const after = patched(document, first!)
    const text = (doc: ReturnType<typeof guide>) => doc.body[0]!.children.map((child) => child.text).join('')
    expect(text(after)).toBe(text(document))
    expect(after.body[0]!.markDefs).toHaveLength(2)
    expect(unlinkedMentionsIn(after)).toEqual([
      // The second mention, now in the span after the link: ", then another backlink."
      {...second!, spanKey: 'new3', start: 15, end: 23, linkedElsewhere: true},
    ])
  })

  it('refuses, rather than overwrite, when the text changed since the mention was found', () => {
    const document = guide([span('s1', 'Earn backlinks today.')])
    const [mention] = unlinkedMentionsIn(document)
    const edited = (children: ReturnType<typeof span>[], markDefs: object[] = []) =>
      linkMentionPatch(guide(children, markDefs), mention!, keys())
    expect(edited([span('s1', 'Earn more backlinks today.')])).toBeNull()
    expect(edited([span('s2', 'Earn backlinks today.')])).toBeNull()
    expect(
      edited(
        [span('s1', 'Earn backlinks today.', ['l1'])],
        [{_key: 'l1', _type: 'internalLink', reference: {_ref: 'term-backlink'}}],
      ),
    ).toBeNull()
    expect(linkMentionPatch({_id: 'guide-g', body: []}, mention!, keys())).toBeNull()
  })

  it('reaches a block nested in a field, by its path', () => {
    const document = {
      _id: 'drafts.term-x',
      _type: 'term',
      businessContext: {
        body: [{_type: 'block', _key: 'b9', markDefs: [], children: [span('s9', 'A backlink.')]}],
      },
    }
    const [mention] = unlinkedMentionsIn(document)
    expect(Object.keys(linkMentionPatch(document, mention!, keys())!.set)).toEqual([
      'businessContext.body[_key=="b9"].children',
      'businessContext.body[_key=="b9"].markDefs',
    ])
  })
})
