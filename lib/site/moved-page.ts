import {notFound, permanentRedirect} from 'next/navigation'

import {findMovedPage} from '@/lib/content'

/**
 * The answer for a guide, author or category address that names no document: 308 to the page
 * that once had this slug (its previous slugs), else 404.
 */
export async function redirectFromOldSlug(
  type: Parameters<typeof findMovedPage>[0],
  slug: string,
  pathOf: (slug: string) => string,
): Promise<never> {
  const moved = await findMovedPage(type, slug)
  if (moved) permanentRedirect(pathOf(moved))
  notFound()
}
