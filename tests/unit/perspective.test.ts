import {previewPerspective} from '@/lib/content/perspective'

describe('previewPerspective', () => {
  it('reads drafts when the Presentation tool set no perspective', () => {
    expect(previewPerspective(undefined)).toBe('drafts')
  })

  it('reads a release stack, or a single perspective, as the cookie names it', () => {
    expect(previewPerspective('rSpring,drafts')).toEqual(['rSpring', 'drafts'])
    expect(previewPerspective('published')).toBe('published')
  })

  it('never reads raw (every version at once), and falls back to drafts for a value that is no perspective', () => {
    expect(previewPerspective('raw')).toBe('drafts')
    expect(previewPerspective('previewDrafts,raw')).toBe('drafts')
  })
})
