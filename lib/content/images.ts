import {getImageDimensions, isImageAssetId} from '@sanity/asset-utils'
import {createImageUrlBuilder} from '@sanity/image-url'

import {sanityProject} from '@/sanity/env'

/** The part of the image the editor kept, as fractions cut from each side (Sanity's crop). */
type Crop = {top?: number; bottom?: number; left?: number; right?: number}

type ImageValue = {asset?: {_ref?: string}; crop?: Crop | null; alt?: string | null}

const builder = sanityProject ? createImageUrlBuilder(sanityProject) : null

/**
 * Width and height of what the image shows: the asset's own size (from its id) less what the
 * editor's crop cuts away, so the page reserves the shape the CDN will send. Null when the
 * reference is not an image asset id that carries its size.
 */
export function shownDimensions(image: ImageValue): {width: number; height: number} | null {
  const ref = image.asset?._ref
  if (!ref || !isImageAssetId(ref)) return null
  const asset = getImageDimensions(ref)
  const crop = image.crop ?? {}
  return {
    width: asset.width * (1 - (crop.left ?? 0) - (crop.right ?? 0)),
    height: asset.height * (1 - (crop.top ?? 0) - (crop.bottom ?? 0)),
  }
}

/**
 * A CDN URL for a Sanity image at the given width, with a `srcSet` at half, the same and one and a
 * half times it (Sanity's CDN crops, resizes and picks the format), or null when it cannot be served.
 */
export function imageSource(image: ImageValue, width: number) {
  const shown = shownDimensions(image)
  if (!builder || !shown) return null
  const at = (w: number) => builder.image(image).width(w).auto('format').url()
  return {
    src: at(width),
    srcSet: [0.5, 1, 1.5]
      .map((scale) => `${at(Math.round(width * scale))} ${Math.round(width * scale)}w`)
      .join(', '),
    width,
    height: Math.round((shown.height / shown.width) * width),
  }
}
