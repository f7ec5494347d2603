import {clientAddress, readerHash} from '@/lib/feedback/reader'

const headers = (values: Record<string, string>) => new Headers(values)

describe('clientAddress', () => {
  it('takes the address the nearest proxy recorded: the last X-Forwarded-For entry', () => {
    expect(clientAddress(headers({'x-forwarded-for': '203.0.113.9'}))).toBe('203.0.113.9')
    expect(clientAddress(headers({'x-forwarded-for': '10.0.0.1, 203.0.113.9'}))).toBe('203.0.113.9')
    expect(clientAddress(headers({}))).toBe('unknown')
  })
})

describe('readerHash', () => {
  const reader = headers({'x-forwarded-for': '203.0.113.9', 'user-agent': 'Browser/1'})

  it('is the same for the same reader and salt, and contains neither address nor agent', () => {
    const hash = readerHash('salt', reader)
    expect(readerHash('salt', reader)).toBe(hash)
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(hash).not.toContain('203.0.113.9')
  })

  it('differs by address, by user agent and by salt', () => {
    const hash = readerHash('salt', reader)
    expect(
      readerHash('salt', headers({'x-forwarded-for': '203.0.113.10', 'user-agent': 'Browser/1'})),
    ).not.toBe(hash)
    expect(
      readerHash('salt', headers({'x-forwarded-for': '203.0.113.9', 'user-agent': 'Browser/2'})),
    ).not.toBe(hash)
    expect(readerHash('other salt', reader)).not.toBe(hash)
  })
})
