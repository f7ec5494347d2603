import {addressHash, addressNetwork, clientAddress, readerHash} from '@/lib/feedback/reader'

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

describe('addressNetwork', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (address, network) => {
    expect(addressNetwork(address)).toBe(network)
  })
})

describe('addressHash', () => {
  const from = (address: string, agent: string) =>
    addressHash('salt', headers({'x-forwarded-for': address, 'user-agent': agent}))

  it('is one key per address whatever the User-Agent, and one per IPv6 /64', () => {
    expect(from('203.0.113.9', 'Browser/1')).toBe(from('203.0.113.9', 'Bot/2'))
    expect(from('203.0.113.9', 'Browser/1')).not.toBe(from('203.0.113.10', 'Browser/1'))
    expect(from('2001:db8:1:2::1', 'A')).toBe(from('2001:db8:1:2:ffff:ffff:ffff:ffff', 'B'))
    expect(from('2001:db8:1:2::1', 'A')).not.toBe(from('2001:db8:1:3::1', 'A'))
  })

  it('never equals a reader hash and holds no address', () => {
    const key = from('203.0.113.9', '')
    expect(key).toMatch(/^address:[A-Za-z0-9_-]{43}$/)
    expect(key).not.toBe(readerHash('salt', headers({'x-forwarded-for': '203.0.113.9'})))
    expect(key).not.toContain('203.0.113.9')
  })
})
