import {mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {createLocalSource} from '@/lib/content/embedded/local-source'
import {contentSourceStates} from '@/lib/health/status.mjs'
import {log as logger} from '@/lib/observability/log.mjs'

const TITLES = `*[_type == "term"] | order(title asc).title`

const doc = (id: string, title: string) => JSON.stringify({_id: id, _type: 'term', title})

describe('the embedded-dataset source', () => {
  let dir: string
  let file: string

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'local-source-'))
    file = path.join(dir, 'dataset.ndjson')
    writeFileSync(file, [doc('a', 'Alpha'), doc('b', 'Beta')].join('\n'))
  })

  afterEach(() => {
    rmSync(dir, {recursive: true, force: true})
    jest.restoreAllMocks()
  })

  /** Rewrites the file with a later modification time, as an editor's save would. */
  function save(text: string, secondsLater: number) {
    writeFileSync(file, text)
    const later = new Date(Date.now() + secondsLater * 1000)
    utimesSync(file, later, later)
  }

  it('runs GROQ with params over the file', async () => {
    const source = createLocalSource(file)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Alpha', 'Beta'])
    await expect(source.fetch(`*[_id == $id][0].title`, {id: 'b'}, [])).resolves.toBe('Beta')
  })

  it('picks up a changed file while running', async () => {
    const source = createLocalSource(file)
    await source.warmUp()
    save([doc('a', 'Alpha'), doc('c', 'Gamma')].join('\n'), 5)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Alpha', 'Gamma'])
  })

  it('keeps serving the last good content when a save is corrupt, says so once, and never half-loads', async () => {
    const error = jest.spyOn(logger, 'error').mockImplementation(() => {})
    const info = jest.spyOn(logger, 'info').mockImplementation(() => {})
    const source = createLocalSource(file)
    await source.warmUp()
    const embeddedState = () => new Map(contentSourceStates()).get('embedded')
    expect(embeddedState()).toBe('up')

    save([doc('a', 'Changed'), '{"_id": "broken"'].join('\n'), 5)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Alpha', 'Beta'])
    save([doc('a', 'Changed again'), '{"_id": "still broken"'].join('\n'), 10)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Alpha', 'Beta'])
    expect(error).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({
        dependency: 'embedded dataset',
        file,
        reason: expect.stringContaining('last good'),
      }),
      'embedded dataset unavailable',
    )
    expect(embeddedState()).toBe('stale')

    save([doc('a', 'Fixed')].join('\n'), 15)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Fixed'])
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({dependency: 'embedded dataset', requests: 2}),
      'embedded dataset available again',
    )
    expect(embeddedState()).toBe('up')
    info.mockRestore()
    error.mockRestore()
  })

  it('keeps serving the last good content while the file is gone, says so once, and loads it when it is back', async () => {
    const error = jest.spyOn(logger, 'error').mockImplementation(() => {})
    const info = jest.spyOn(logger, 'info').mockImplementation(() => {})
    const source = createLocalSource(file)
    await source.warmUp()
    const embeddedState = () => new Map(contentSourceStates()).get('embedded')

    rmSync(file)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Alpha', 'Beta'])
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Alpha', 'Beta'])
    expect(error).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({
        dependency: 'embedded dataset',
        reason: expect.stringMatching(/cannot read the file \(ENOENT\); serving the last good version/),
      }),
      'embedded dataset unavailable',
    )
    expect(embeddedState()).toBe('stale')

    save([doc('a', 'Back')].join('\n'), 5)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Back'])
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({dependency: 'embedded dataset'}),
      'embedded dataset available again',
    )
    expect(embeddedState()).toBe('up')
  })

  it('answers a list from memory, frozen, until the file changes', async () => {
    const source = createLocalSource(file)
    const first = await source.fetch<string[]>(TITLES, {}, [])
    expect(await source.fetch(TITLES, {}, [])).toBe(first)
    // Every caller gets the same answer, so none may change it under the others.
    expect(() => first.push('Intruder')).toThrow(TypeError)
    expect(await source.fetch(TITLES, {}, [])).toEqual(['Alpha', 'Beta'])

    save([doc('a', 'Alpha'), doc('c', 'Gamma')].join('\n'), 5)
    await expect(source.fetch(TITLES, {}, [])).resolves.toEqual(['Alpha', 'Gamma'])
  })

  it('evaluates a query with parameters afresh each time', async () => {
    const source = createLocalSource(file)
    const first = await source.fetch(`*[_id == $id][0]{title}`, {id: 'a'}, [])
    const second = await source.fetch(`*[_id == $id][0]{title}`, {id: 'a'}, [])
    expect(second).toEqual(first)
    expect(second).not.toBe(first)
  })

  it('fails start-up on a broken file instead of serving nothing', async () => {
    writeFileSync(file, '{"_id": ')
    await expect(createLocalSource(file).warmUp()).rejects.toThrow(/dataset\.ndjson:1: not valid JSON/)
  })

  it('serves published documents only, like the published perspective', async () => {
    writeFileSync(
      file,
      [
        JSON.stringify({_id: 'term-a', _type: 'term', title: 'Published A'}),
        JSON.stringify({_id: 'drafts.term-a', _type: 'term', title: 'Draft of A'}),
        JSON.stringify({_id: 'drafts.term-b', _type: 'term', title: 'Draft-only B'}),
        JSON.stringify({_id: 'versions.r1.term-a', _type: 'term', title: 'A in a release'}),
      ].join('\n'),
    )
    const source = createLocalSource(file)
    await expect(source.fetch('*[_type == "term"].title', {}, [])).resolves.toEqual(['Published A'])
  })
})
