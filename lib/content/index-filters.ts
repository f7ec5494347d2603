import {z} from 'zod'

import {DIFFICULTY_VALUES} from '@/lib/vocabulary'

/** A query parameter that may be missing, empty (an unset select) or repeated; the first counts. */
const param = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value) || undefined,
  z.string().trim().optional(),
)

const Filters = z.object({
  q: param.pipe(z.string().max(100).optional()).catch(undefined),
  category: param.catch(undefined),
  difficulty: param.pipe(z.enum(DIFFICULTY_VALUES).optional()).catch(undefined),
})

export type IndexFilters = z.infer<typeof Filters>

/**
 * The index's filters from its URL (`?q=…&category=…&difficulty=…`). Anything unusable (an
 * unknown difficulty, an over-long query, a tracking parameter) is ignored rather than refused:
 * a shared link should still show the glossary.
 */
export function parseIndexFilters(searchParams: Record<string, string | string[] | undefined>): IndexFilters {
  const filters = Filters.parse(searchParams)
  return {...filters, q: filters.q || undefined}
}
