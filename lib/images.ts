import {createImageUrlBuilder} from '@sanity/image-url'

import {sanityProject} from '../sanity/env'

type ImageValue = {asset?: {_ref?: string}; alt?: string | null}

const builder = sanityProject ? createImageUrlBuilder(sanityProject) : null

/** Width and height encoded in a Sanity image asset id: image-<hash>-<w>x<h>-<ext>. */
export function imageDimensions(ref: string): {width: number; height: number} | null {
  const match = /^image-[a-zA-Z0-9]+-(\d+)x(\d+)-[a-z]+$/.exec(ref)
  return match ? {width: Number(match[1]), height: Number(match[2])} : null
}

/** A CDN URL for a Sanity image at the given width, or null when it cannot be served. */
export function imageSource(image: ImageValue, width: number) {
  const ref = image.asset?._ref
  const dimensions = ref ? imageDimensions(ref) : null
  if (!builder || !ref || !dimensions) return null
  return {
    src: builder.image(image).width(width).auto('format').url(),
    width,
    height: Math.round((dimensions.height / dimensions.width) * width),
  }
}
