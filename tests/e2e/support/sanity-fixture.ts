import {cpSync, existsSync, rmSync} from 'node:fs'
import path from 'node:path'

import {root} from './server'

/**
 * The site built in Sanity mode against a local Content Lake stand-in (`npm run
 * build:sanity-fixture`), in its own folder beside the default build. Tests serve a fresh copy
 * of it, since revalidation rewrites the cached pages of the build it serves.
 */
export const SANITY_FIXTURE = {
  distDir: '.next-sanity/fixture',
  copyDir: '.next-sanity/run',
  projectId: 'e2e-fixture',
  dataset: 'production',
} as const

/** The env that puts the site in Sanity mode, reading the stand-in at `apiHost`. */
export const sanityFixtureEnv = (apiHost: string, distDir: string = SANITY_FIXTURE.distDir) => ({
  NEXT_DIST_DIR: distDir,
  NEXT_PUBLIC_SANITY_PROJECT_ID: SANITY_FIXTURE.projectId,
  NEXT_PUBLIC_SANITY_DATASET: SANITY_FIXTURE.dataset,
  SANITY_API_HOST: apiHost,
})

/** A fresh copy of the fixture build, as it was built; returns its dist dir. */
export function freshFixtureCopy(): string {
  if (!existsSync(path.join(root, SANITY_FIXTURE.distDir, 'BUILD_ID'))) {
    throw new Error(
      'No Sanity-mode build found: run `npm run build:sanity-fixture` before the browser suite.',
    )
  }
  const copy = path.join(root, SANITY_FIXTURE.copyDir)
  rmSync(copy, {recursive: true, force: true})
  cpSync(path.join(root, SANITY_FIXTURE.distDir), copy, {recursive: true})
  return SANITY_FIXTURE.copyDir
}
