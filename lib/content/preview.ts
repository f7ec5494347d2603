import 'server-only'

import {cookies, draftMode} from 'next/headers'
import {createClient, type ClientPerspective} from 'next-sanity'
import {defineEnableDraftMode, type EnableDraftMode} from 'next-sanity/draft-mode'

import {sanityProject} from '@/sanity/env'
import {sanityApiHost, sanityReadToken} from '@/lib/env.server'
import {logOnce} from '@/lib/observability/log-once'
import {withoutRequestDetails} from './lake-errors'
import {PERSPECTIVE_COOKIE, previewPerspective} from './perspective'

/** Whether this request comes from an editor in draft mode (possible only with a Sanity project). */
export async function isPreviewing(): Promise<boolean> {
  return Boolean(sanityProject) && (await draftMode()).isEnabled
}

/**
 * What this request reads: for an editor in draft mode, the perspective the Presentation tool
 * set (drafts, or a release and the drafts under it: see ./perspective);
 * null (published) for everyone else, and outside a request (build time, scripts).
 */
export async function draftPerspective(): Promise<ClientPerspective | null> {
  if (!sanityProject) return null
  let enabled: boolean
  try {
    enabled = (await draftMode()).isEnabled
  } catch {
    // Outside a request (generateStaticParams at build time): there is no editor to preview for.
    return null
  }
  return enabled ? previewPerspective((await cookies()).get(PERSPECTIVE_COOKIE)?.value) : null
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
    logOnce('SANITY_API_READ_TOKEN is not set: draft mode cannot read drafts')
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
