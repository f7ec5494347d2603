import path from 'node:path'
import {fileURLToPath} from 'node:url'

// This folder is the whole app: Turbopack would otherwise take the site's folder (the topmost
// lockfile) as the root and build the site's instrumentation and proxy into the bare app.
const config = {poweredByHeader: false, turbopack: {root: path.dirname(fileURLToPath(import.meta.url))}}

export default config
