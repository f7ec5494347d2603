import {createImageUrlBuilder} from '@sanity/image-url'

import {sanityProject} from '@/sanity/env'

type ImageValue = {asset?: {_ref?: string}; alt?: string | null}

const builder = sanityProject ? createImageUrlBuilder(sanityProject) : null

/** Width and height encoded in a Sanity image asset id: image-<hash>-<w>x<h>-<ext>. */
export function imageDimensions(ref: string): {width: number; height: number} | null {
  const match = /^image-[a-zA-Z0-9]+-(\d+)x(\d+)-[a-z]+$/.exec(ref)
  return match ? {width: Number(match[1]), height: Number(match[2])} : null
}

/**
 * A CDN URL for a Sanity image at the given width, with a `srcSet` at half, the same and one and a
 * half times it (Sanity's CDN resizes and picks the format), or null when it cannot be served.
 */
export function imageSource(image: ImageValue, width: number) {
  const ref = image.asset?._ref
  const dimensions = ref ? imageDimensions(ref) : null
  if (!builder || !ref || !dimensions) return null
  const at = (w: number) => builder.image(image).width(w).auto('format').url()
  return {
    src: at(width),
    srcSet: [0.5, 1, 1.5]
      .map((scale) => `${at(Math.round(width * scale))} ${Math.round(width * scale)}w`)
      .join(', '),
    width,
    height: Math.round((dimensions.height / dimensions.width) * width),
  }
}
