import {unstable_cache} from 'next/cache'

/**
 * Puts cache tags on the page or route handler being rendered, as a tagged fetch to the Content
 * Lake does. Queries over the embedded dataset make no fetch, so without this their pages carry
 * no tags and a publish (the revalidation webhook's `revalidateTag`) could not reach them. Next
 * adds the tags of every `unstable_cache` call to the render that makes it; the entry it stores
 * is one `true`, never content, so it can never serve stale data.
 */
export async function tagRender(tags: string[]): Promise<void> {
  // Outside a Next server (scripts, unit tests) there is no render to tag and no cache to use.
  if (!process.env.NEXT_RUNTIME || tags.length === 0) return
  await unstable_cache(async () => true, ['render-tags', ...tags], {tags})()
}
