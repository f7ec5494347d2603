import {withoutRequestDetails} from '@/lib/content/lake-errors'

describe('withoutRequestDetails', () => {
  // The shape @sanity/client throws inside Next when the Content Lake is unreachable.
  const unreachable = () =>
    Object.assign(new TypeError('fetch failed'), {
      isNetworkError: true,
      request: {headers: {Authorization: 'Bearer secret-token'}, url: 'http://lake/v1/data/query/production'},
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), {code: 'ECONNREFUSED'}),
    })

  it('keeps the message and the network code of a failed request, and drops the request', () => {
    const clean = withoutRequestDetails(unreachable())
    expect(clean).toBeInstanceOf(Error)
    expect((clean as Error).message).toBe('Content Lake request failed: fetch failed (ECONNREFUSED)')
    expect(clean).not.toHaveProperty('request')
    expect(clean).not.toHaveProperty('cause')
  })

  it('leaves every other error as it is, such as the ones Next throws for redirects', () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), {digest: 'NEXT_REDIRECT;replace;/;307;'})
    expect(withoutRequestDetails(redirect)).toBe(redirect)
    expect(withoutRequestDetails('a string')).toBe('a string')
  })
})
