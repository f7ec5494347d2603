const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * Returns the URL when it is safe to put in an href (http, https or mailto), otherwise null.
 * Content is edited by people; a `javascript:` URL must never become a live link.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  try {
    const parsed = new URL(url.trim())
    return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

/** C0 and C1 control characters (tab and newline included): never part of an address we send on. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/

/**
 * The path, query and fragment of `target` when it is an address on `origin`, otherwise null.
 * Browsers drop tabs and newlines from a URL and read `/\` or `//` as another host, so the target
 * is parsed as they would parse it, after refusing any control character outright.
 */
export function pathOnOrigin(target: string, origin: string): string | null {
  if (CONTROL_CHARACTERS.test(target) || !target.startsWith('/')) return null
  try {
    const url = new URL(target, origin)
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null
  } catch {
    return null
  }
}
