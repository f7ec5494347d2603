/** @jest-environment jsdom */
import {renderHook} from '@testing-library/react'
import type {DocumentActionComponent, DocumentActionProps, SanityDocument} from 'sanity'

import {recordPreviousSlug} from '@/sanity/actions/record-previous-slug'

const calls: string[] = []
const patchExecute = jest.fn((patches: unknown) => calls.push(`patch ${JSON.stringify(patches)}`))

jest.mock('sanity', () => ({useDocumentOperation: () => ({patch: {execute: patchExecute}})}))

/** Stands in for the Studio's own Publish action: it only records that it ran. */
const publish: DocumentActionComponent = () => ({label: 'Publish', onHandle: () => calls.push('publish')})
publish.action = 'publish'

const version = (slug: string, previousSlugs?: string[]) =>
  ({
    _id: 'guide-a',
    _type: 'guide',
    slug: {_type: 'slug', current: slug},
    previousSlugs,
  }) as unknown as SanityDocument

function handle(draft: SanityDocument | null, published: SanityDocument | null) {
  const action = recordPreviousSlug(publish)
  const props = {id: 'guide-a', type: 'guide', draft, published} as unknown as DocumentActionProps
  const {result} = renderHook(() => action(props))
  result.current!.onHandle!()
}

describe('publishing keeps an old slug as a previous slug', () => {
  beforeEach(() => {
    calls.length = 0
  })

  it('adds the published slug to the previous slugs before publishing a new one', () => {
    handle(version('new-guide'), version('old-guide'))
    expect(calls).toEqual([
      `patch ${JSON.stringify([
        {setIfMissing: {previousSlugs: []}},
        {insert: {after: 'previousSlugs[-1]', items: ['old-guide']}},
      ])}`,
      'publish',
    ])
  })

  it('publishes as before when the slug did not change, was kept already, or was never published', () => {
    handle(version('same'), version('same'))
    handle(version('new-guide', ['old-guide']), version('old-guide'))
    handle(version('first-slug'), null)
    expect(calls).toEqual(['publish', 'publish', 'publish'])
  })

  it('stays the publish action, so the Studio keeps it first', () => {
    expect(recordPreviousSlug(publish).action).toBe('publish')
  })
})
