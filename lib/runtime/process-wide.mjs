/**
 * One object per server process, however many copies of the module asking for it are loaded.
 * Next bundles instrumentation, the proxy, each page and each route handler apart, and each
 * bundle runs its own copy of a shared module; the cache handler and the start-up script load
 * theirs without compiling. State that must be the same for all of them (the dataset, the
 * feedback database, metrics, health) is made once, here, and kept on globalThis under a
 * registered symbol, which every copy resolves to the same key.
 *
 * Plain JavaScript, so the uncompiled modules can use it too.
 */
export function processWide(name, create) {
  const key = Symbol.for(`glossary.${name}`)
  if (!(key in globalThis)) globalThis[key] = create()
  return globalThis[key]
}
