const IMAGE = {asset: {_ref: 'image-Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x1500-jpg'}, alt: 'A chart'}

async function loadImages(env: Record<string, string | undefined>) {
  jest.resetModules()
  const saved = {...process.env}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  try {
    return await import('@/lib/content/images')
  } finally {
    process.env = saved
  }
}

describe('Sanity image sources', () => {
  it('serve an image from Sanity’s CDN at three widths, with the height of its aspect ratio', async () => {
    const {imageSource} = await loadImages({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
    })
    const image = imageSource(IMAGE, 800)!
    expect(image).toMatchObject({width: 800, height: 600})
    expect(image.src).toBe(
      'https://cdn.sanity.io/images/abc123/production/Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x1500.jpg?w=800&auto=format',
    )
    expect(image.srcSet.split(', ').map((entry) => entry.split(' ')[1])).toEqual(['400w', '800w', '1200w'])
    expect(image.srcSet).toContain('?w=1200&auto=format 1200w')
  })

  it('reserve the shape the editor cropped to, and ask the CDN for that part', async () => {
    const {imageSource} = await loadImages({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
    })
    // 2000 × 1500 with its right half and a tenth at the top and bottom cut away: 1000 × 1200 shown.
    const cropped = {...IMAGE, crop: {top: 0.1, bottom: 0.1, left: 0, right: 0.5}}
    const image = imageSource(cropped, 800)!
    expect(image).toMatchObject({width: 800, height: 960})
    expect(image.src).toContain('rect=0,150,1000,1200')
  })

  it('have nothing to serve without a project, or for an asset id without its size', async () => {
    const withProject = await loadImages({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
    })
    expect(withProject.imageSource({asset: {_ref: 'image-abc-jpg'}}, 800)).toBeNull()
    const embedded = await loadImages({
      NEXT_PUBLIC_SANITY_PROJECT_ID: undefined,
      NEXT_PUBLIC_SANITY_DATASET: undefined,
    })
    expect(embedded.imageSource(IMAGE, 800)).toBeNull()
  })
})
