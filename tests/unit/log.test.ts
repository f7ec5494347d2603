/** The server's logger, run as the server runs it: JSON lines on stdout, at LOG_LEVEL. */
import {spawnSync} from 'node:child_process'

function logWith(env: Record<string, string>, script: string) {
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import {log} from './lib/observability/log.mjs'\n${script}`],
    {env: {...process.env, NODE_ENV: 'production', LOG_LEVEL: '', ...env}, encoding: 'utf8'},
  )
  expect(result.stderr).toBe('')
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('the logger', () => {
  it('writes one JSON object per line with the level by name, the time and the fields', () => {
    const [line] = logWith({}, `log.info({source: 'embedded', ms: 412}, 'ready')`)
    expect(line).toMatchObject({
      level: 'info',
      msg: 'ready',
      source: 'embedded',
      ms: 412,
      pid: expect.any(Number),
    })
    expect(new Date(String(line!.time)).toISOString()).toBe(line!.time)
  })

  it('writes an error with its stack', () => {
    const [line] = logWith({}, `log.error({err: new Error('broken')}, 'request failed')`)
    expect(line).toMatchObject({
      level: 'error',
      err: {message: 'broken', stack: expect.stringContaining('Error: broken')},
    })
  })

  it('leaves out what is below LOG_LEVEL', () => {
    const lines = logWith(
      {LOG_LEVEL: 'warn'},
      `log.info('hidden'); log.warn('shown'); log.error('shown too')`,
    )
    expect(lines.map((line) => line.msg)).toEqual(['shown', 'shown too'])
  })

  it('says so when LOG_LEVEL names no level, and logs at info', () => {
    const lines = logWith({LOG_LEVEL: 'loud'}, `log.debug('hidden'); log.info('shown')`)
    expect(lines).toEqual([
      expect.objectContaining({level: 'warn', wanted: 'loud', using: 'info'}),
      expect.objectContaining({level: 'info', msg: 'shown'}),
    ])
  })
})
