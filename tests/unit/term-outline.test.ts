import {getTerm} from '@/lib/content'
import {TERM_SECTIONS, termOutline} from '@/lib/content/term-sections'

const block = {_type: 'block', children: [{_type: 'span', text: 'Text.'}]}

describe('a term page’s outline', () => {
  it('lists every part of Backlink in reading order', async () => {
    const backlink = (await getTerm('backlink'))!
    expect(termOutline(backlink).map((entry) => entry.id)).toEqual([
      'what-it-means',
      'why-it-matters',
      'example-in-practice',
      'what-it-is-not',
      'related-terms',
      'referenced-by',
      'deeper-guides',
      'when-it-matters',
      'cite-this-term',
      'feedback',
    ])
  })

  it('leaves out what has nothing to show, counting only references that still resolve', () => {
    const outline = termOutline({
      whatItMeans: [block],
      whyItMatters: [],
      relatedTerms: [null],
      referencedBy: [{title: 'A guide'}],
      deeperGuides: null,
      businessContext: {body: []},
    })
    expect(outline).toEqual([
      {id: 'what-it-means', title: TERM_SECTIONS[0].title},
      {id: 'referenced-by', title: 'Referenced By'},
      {id: 'cite-this-term', title: 'Cite This Term'},
      {id: 'feedback', title: 'Feedback'},
    ])
  })
})
