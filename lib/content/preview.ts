import 'server-only'

import {draftMode} from 'next/headers'
import {createClient} from 'next-sanity'
import {defineEnableDraftMode, type EnableDraftMode} from 'next-sanity/draft-mode'

import {sanityProject} from '../../sanity/env'
import {sanityApiHost, sanityReadToken} from '../env.server'
import {withoutRequestDetails} from './lake-errors'
import type {FetchOptions} from './source'

/** Whether this request comes from an editor in draft mode (possible only with a Sanity project). */
export async function isPreviewing(): Promise<boolean> {
  return Boolean(sanityProject) && (await draftMode()).isEnabled
}

/**
 * How this request reads content: drafts for an editor in draft mode, else the published
 * perspective. Ask for `stega` (edit markers) only for text shown on the page, never for
 * metadata, JSON-LD or URLs.
 */
export async function previewOptions({stega}: {stega: boolean}): Promise<FetchOptions> {
  return (await isPreviewing()) ? {draft: {stega}} : {}
}

export type PreviewRefusal = {status: 404 | 500; error: string}

const nothingToPreview: PreviewRefusal = {
  status: 404,
  error: 'There is nothing to preview: the site runs on its embedded dataset, which has no drafts.',
}

/** Why this server cannot turn draft mode on, or null when it can. */
export function enableRefusal(): PreviewRefusal | null {
  if (!sanityProject) return nothingToPreview
  if (!sanityReadToken()) {
    console.error('[preview] SANITY_API_READ_TOKEN is not set: draft mode cannot read drafts.')
    return {status: 500, error: 'Preview is not set up on this server.'}
  }
  return null
}

/** Draft mode can only be on with a Sanity project, so without one there is nothing to turn off. */
export function disableRefusal(): PreviewRefusal | null {
  return sanityProject ? null : nothingToPreview
}

let enableHandler: EnableDraftMode | undefined

/**
 * Turns draft mode on through next-sanity, which checks the one-time secret the Presentation
 * tool puts in the URL against the Content Lake (with the read token) before setting the
 * draft-mode cookie. Call only when `enableRefusal()` is null.
 */
export async function enableDraftMode(request: Request): Promise<Response> {
  if (!sanityProject) throw new Error('enableDraftMode() needs a Sanity project.')
  const apiHost = sanityApiHost()
  enableHandler ??= defineEnableDraftMode({
    client: createClient({
      ...sanityProject,
      token: sanityReadToken(),
      useCdn: false,
      ...(apiHost ? {apiHost, useProjectHostname: false} : {}),
    }),
  })
  try {
    return await enableHandler.GET(request)
  } catch (error) {
    throw withoutRequestDetails(error)
  }
}
