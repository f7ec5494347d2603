/**
 * The public Sanity settings, shared by the site and the Studio. Each variable is read by its
 * literal name so Next can inline it into the Studio's browser bundle.
 */
export const DEFAULT_API_VERSION = '2025-10-01'

/** Where the Studio is embedded; edit markers in previews link back to it. */
export const STUDIO_PATH = '/studio'

export type SanityProject = {projectId: string; dataset: string; apiVersion: string}

type SanityEnv = {projectId?: string; dataset?: string; apiVersion?: string}

/**
 * Returns the configured project, or null when none is configured (the site then reads the
 * embedded dataset). A half-configured project is a mistake worth stopping for, not a fallback.
 */
export function resolveSanityProject({projectId, dataset, apiVersion}: SanityEnv): SanityProject | null {
  if (!projectId && !dataset) return null
  if (!projectId) {
    throw new Error('NEXT_PUBLIC_SANITY_DATASET is set but NEXT_PUBLIC_SANITY_PROJECT_ID is missing.')
  }
  if (!dataset) {
    throw new Error('NEXT_PUBLIC_SANITY_PROJECT_ID is set but NEXT_PUBLIC_SANITY_DATASET is missing.')
  }
  if (!/^[a-z0-9-]+$/.test(projectId)) {
    throw new Error(`NEXT_PUBLIC_SANITY_PROJECT_ID "${projectId}" may only contain a-z, 0-9 and dashes.`)
  }
  if (apiVersion && !/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) {
    throw new Error(
      `NEXT_PUBLIC_SANITY_API_VERSION "${apiVersion}" must be a date like ${DEFAULT_API_VERSION}.`,
    )
  }
  return {projectId, dataset, apiVersion: apiVersion || DEFAULT_API_VERSION}
}

export const sanityProject = resolveSanityProject({
  projectId: process.env.NEXT_PUBLIC_SANITY_PROJECT_ID,
  dataset: process.env.NEXT_PUBLIC_SANITY_DATASET,
  apiVersion: process.env.NEXT_PUBLIC_SANITY_API_VERSION,
})
