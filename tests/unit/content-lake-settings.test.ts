import {contentLakeFaultSettings} from '@/lib/env.server'

const NAMES = [
  'CONTENT_LAKE_TIMEOUT_MS',
  'CONTENT_LAKE_CONNECT_TIMEOUT_MS',
  'CONTENT_LAKE_BREAKER_FAILURES',
  'CONTENT_LAKE_COOLDOWN_SECONDS',
]

describe('the Content Lake fault settings', () => {
  const saved = {...process.env}
  beforeEach(() => {
    for (const name of NAMES) delete process.env[name]
  })
  afterAll(() => {
    process.env = saved
  })

  it('default to a reader’s budget well under 2 s', () => {
    expect(contentLakeFaultSettings()).toEqual({
      timeoutMs: 1500,
      connectTimeoutMs: 500,
      failuresToOpen: 3,
      cooldownSeconds: 5,
    })
  })

  it('take whole numbers from the environment', () => {
    Object.assign(process.env, {
      CONTENT_LAKE_TIMEOUT_MS: '800',
      CONTENT_LAKE_CONNECT_TIMEOUT_MS: ' 200 ',
      CONTENT_LAKE_BREAKER_FAILURES: '5',
      CONTENT_LAKE_COOLDOWN_SECONDS: '30',
    })
    expect(contentLakeFaultSettings()).toEqual({
      timeoutMs: 800,
      connectTimeoutMs: 200,
      failuresToOpen: 5,
      cooldownSeconds: 30,
    })
  })

  it.each([
    ['CONTENT_LAKE_TIMEOUT_MS', '50'],
    ['CONTENT_LAKE_TIMEOUT_MS', '1.5s'],
    ['CONTENT_LAKE_BREAKER_FAILURES', '0'],
    ['CONTENT_LAKE_COOLDOWN_SECONDS', '3600'],
  ])('refuses %s=%s, naming the variable and its range', (name, value) => {
    process.env[name] = value
    expect(() => contentLakeFaultSettings()).toThrow(
      new RegExp(`^${name} "${value}" must be a whole number from \\d+ to \\d+\\.$`),
    )
  })
})
