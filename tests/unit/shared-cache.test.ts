import {checkedSerializer, guardHandler, withRouteTags, type Handler} from '@/lib/cache/guarded-handler.mjs'
import {sharedCacheUrl} from '@/lib/cache/redis-url.mjs'

const entry = {lastModified: 1, tags: ['terms'], value: {kind: 'APP_PAGE', html: '<h1>Backlink</h1>'}}

describe('the shared cache’s reading of what it finds under its keys', () => {
  it('gives back an entry it wrote', () => {
    expect(checkedSerializer.deserialize(checkedSerializer.serialize(entry))).toEqual(entry)
  })

  it.each([
    ['text that is not JSON', 'not json {'],
    ['JSON of another shape', JSON.stringify({kind: 'APP_PAGE', html: 'foreign'})],
    ['an entry of an unknown kind', JSON.stringify({...entry, value: {kind: 'SOMETHING'}})],
    ['tags that are not strings', JSON.stringify({...entry, tags: [1]})],
    ['a bare number', '42'],
    ['null', 'null'],
  ])('reads %s as a miss', (_, stored) => {
    expect(checkedSerializer.deserialize(stored)).toBeNull()
  })
})

describe('a route handler response, as the shared cache stores it', () => {
  it('carries the tags Next put in its headers, so a publish reaches `.md` files and feeds', () => {
    const route = {
      lastModified: 1,
      tags: ['_N_T_/llms.txt'],
      value: {kind: 'APP_ROUTE', status: 200, body: '', headers: {'x-next-cache-tags': 'terms,guides'}},
    }
    expect(withRouteTags(route).tags).toEqual(['_N_T_/llms.txt', 'terms', 'guides'])
  })

  it('leaves pages and data entries as they are', () => {
    expect(withRouteTags(entry)).toBe(entry)
  })
})

/** A handler that fails while `down` is set, and records the tags it revalidated. */
function scriptedHandler() {
  const state = {down: false, revalidated: [] as string[], gets: 0}
  const fail = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'))
  const handler: Handler = {
    name: 'redis-strings',
    get: () => (state.gets++, state.down ? fail() : Promise.resolve(entry)),
    set: () => (state.down ? fail() : Promise.resolve()),
    delete: () => (state.down ? fail() : Promise.resolve()),
    revalidateTag: (tag) => (state.down ? fail() : (state.revalidated.push(tag), Promise.resolve())),
  }
  return {state, handler}
}

describe('the guard around the shared cache', () => {
  function guarded() {
    const {state, handler} = scriptedHandler()
    const log = {error: jest.fn(), info: jest.fn()}
    let now = 0
    const clock = {advance: (ms: number) => (now += ms)}
    const guard = guardHandler(handler, {log, retryAfterMs: 5000, now: () => now})
    return {state, log, clock, guard}
  }

  it('logs an outage once however many requests fail, and its end once', async () => {
    const {state, log, clock, guard} = guarded()
    state.down = true
    for (let request = 0; request < 50; request++) {
      await expect(guard.get('/glossary/backlink', {implicitTags: []})).rejects.toThrow()
      clock.advance(1000)
    }
    expect(log.error).toHaveBeenCalledTimes(1)
    expect(log.error.mock.calls[0][0]).toEqual({
      dependency: 'shared cache',
      reason: expect.stringMatching(/^connect ECONNREFUSED/),
    })
    state.down = false
    clock.advance(5000)
    await expect(guard.get('/glossary/backlink', {implicitTags: []})).resolves.toEqual(entry)
    await guard.get('/glossary/backlink', {implicitTags: []})
    expect(log.info).toHaveBeenCalledTimes(1)
    // The requests that met the outage; the others in between were not sent to the cache at all.
    expect(log.info).toHaveBeenCalledWith(
      {dependency: 'shared cache', ms: expect.any(Number), requests: 10},
      'shared cache available again',
    )
  })

  it('leaves the handler alone for a while after a failure, so a hung server costs one request', async () => {
    const {state, clock, guard} = guarded()
    state.down = true
    await expect(guard.get('a', {implicitTags: []})).rejects.toThrow()
    const tried = state.gets
    clock.advance(4999)
    await expect(guard.get('b', {implicitTags: []})).rejects.toThrow(/skipped after a failure/)
    expect(state.gets).toBe(tried)
    clock.advance(1)
    await expect(guard.get('c', {implicitTags: []})).rejects.toThrow(/ECONNREFUSED/)
    expect(state.gets).toBe(tried + 1)
  })

  it('revalidates again, once it is back, the tags a publish named while it was down', async () => {
    const {state, clock, guard} = guarded()
    state.down = true
    await expect(guard.revalidateTag('term:backlink')).rejects.toThrow()
    clock.advance(5000)
    await expect(guard.revalidateTag('terms')).rejects.toThrow()
    state.down = false
    clock.advance(5000)
    await guard.get('/glossary', {implicitTags: []})
    expect(state.revalidated.sort()).toEqual(['term:backlink', 'terms'])
    await guard.get('/glossary', {implicitTags: []})
    expect(state.revalidated).toHaveLength(2)
  })
})

describe('REDIS_URL', () => {
  it('is optional', () => {
    expect(sharedCacheUrl({})).toBeUndefined()
    expect(sharedCacheUrl({REDIS_URL: '  '})).toBeUndefined()
  })

  it('takes redis:// and rediss:// addresses', () => {
    expect(sharedCacheUrl({REDIS_URL: 'redis://127.0.0.1:6379'})).toBe('redis://127.0.0.1:6379')
    expect(sharedCacheUrl({REDIS_URL: 'rediss://user:pw@cache.internal:6380/2'})).toBe(
      'rediss://user:pw@cache.internal:6380/2',
    )
  })

  it.each([
    ['not a URL', 'cache host', /REDIS_URL "cache host" is not a URL/],
    ['another scheme', 'http://127.0.0.1:6379', /REDIS_URL must start with redis:\/\/ or rediss:\/\//],
    ['a password, hidden in the message', 'redis//:secret@host', /REDIS_URL/],
  ])('stops with a message naming the variable for %s', (_, value, message) => {
    expect(() => sharedCacheUrl({REDIS_URL: value})).toThrow(message)
    try {
      sharedCacheUrl({REDIS_URL: value})
    } catch (error) {
      expect((error as Error).message).not.toContain('secret')
    }
  })
})
