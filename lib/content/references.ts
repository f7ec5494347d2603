export type FoundReference = {ref: string; path: string; weak: boolean}

/**
 * Every `_ref` anywhere inside a document, with the path it sits at ("body[2].markDefs[0].reference").
 * Plain data in, plain data out: the Studio's link report runs this in the browser too.
 */
export function* referencesIn(value: unknown, path = ''): Generator<FoundReference> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* referencesIn(item, `${path}[${index}]`)
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record._ref === 'string') yield {ref: record._ref, path, weak: record._weak === true}
    for (const [key, child] of Object.entries(record)) {
      if (key !== '_ref') yield* referencesIn(child, path ? `${path}.${key}` : key)
    }
  }
}
