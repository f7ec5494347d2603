/**
 * Sanity keeps a document's draft (`drafts.<id>`) and release versions (`versions.<release>.<id>`)
 * beside the published document (`<id>`), in the same dataset.
 */
export const isPublishedId = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.')

export const isDraftId = (id: string) => id.startsWith('drafts.')

/** The id of the published document a draft or version belongs to. */
export const publishedIdOf = (id: string) => id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')
