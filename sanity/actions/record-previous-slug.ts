import {useDocumentOperation, type DocumentActionComponent, type SanityDocument} from 'sanity'

const slugOf = (doc: SanityDocument | null) => (doc?.slug as {current?: string} | undefined)?.current

/**
 * Publish, keeping the old address working: when the slug changed since the last publish, the
 * published slug joins "Previous slugs" first, so the page's old URL redirects to the new one
 * for good and no link a marketer placed breaks. Otherwise the publish action as it was.
 */
export function recordPreviousSlug(publish: DocumentActionComponent): DocumentActionComponent {
  const PublishKeepingOldSlug: DocumentActionComponent = (props) => {
    const {patch} = useDocumentOperation(props.id, props.type)
    const description = publish(props)
    if (!description) return description
    const oldSlug = slugOf(props.published)
    const newSlug = slugOf(props.draft)
    const kept = (props.draft?.previousSlugs as string[] | undefined) ?? []
    const moved = Boolean(oldSlug && newSlug && oldSlug !== newSlug && !kept.includes(oldSlug))
    return {
      ...description,
      onHandle: () => {
        if (moved) {
          patch.execute([
            {setIfMissing: {previousSlugs: []}},
            {insert: {after: 'previousSlugs[-1]', items: [oldSlug]}},
          ])
        }
        description.onHandle?.()
      },
    }
  }
  PublishKeepingOldSlug.action = publish.action
  return PublishKeepingOldSlug
}
