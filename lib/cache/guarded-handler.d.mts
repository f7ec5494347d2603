/** The handler shape @fortedigital/nextjs-cache-handler composes (the methods we wrap). */
export type Handler = {
  name: string
  get: (key: string, meta: {implicitTags: string[]}) => Promise<unknown>
  set: (key: string, value: unknown, ctx?: unknown) => Promise<void>
  delete: (key: string) => Promise<void>
  revalidateTag: (tag: string) => Promise<void>
}

export function isCacheEntry(entry: unknown): boolean

export const checkedSerializer: {
  serialize: (entry: unknown) => string
  deserialize: (stored: unknown) => unknown
}

export function guardHandler(
  handler: Handler,
  options?: {
    name?: string
    retryAfterMs?: number
    log?: Pick<Console, 'error' | 'info'>
    now?: () => number
  },
): Handler

export function withRouteTags<Entry>(entry: Entry): Entry
