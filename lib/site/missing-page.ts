/** The URL segment nobody publishes, passed from the URL gate (proxy.ts) to the 404 page. */
export const MISSING_NAME_HEADER = 'x-glossary-missing-name'

/** Where the URL gate sends unknown names: a path no route matches, so Next's global 404 answers. */
export const MISSING_PATH = '/_gate/missing'
