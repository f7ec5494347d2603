/** Drops the nulls GROQ returns for references to missing documents (and a missing list). */
export function compact<T>(items: readonly (T | null | undefined)[] | null | undefined): T[] {
  return (items ?? []).filter((item): item is T => item !== null && item !== undefined)
}
