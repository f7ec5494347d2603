import {createOutageLog} from '@/lib/health/outage-log.mjs'

describe('createOutageLog', () => {
  it('logs an outage once, its end once, and the next outage again', () => {
    const log = {error: jest.fn(), info: jest.fn()}
    let clock = 1_000
    const outage = createOutageLog('feedback database', log, () => clock)
    outage.recovered()
    expect(log.info).not.toHaveBeenCalled()

    outage.failed(new Error('connect ECONNREFUSED'))
    outage.failed(new Error('connect ECONNREFUSED'))
    outage.failed(new Error('timeout'))
    clock += 4_200
    expect(log.error).toHaveBeenCalledTimes(1)
    expect(log.error).toHaveBeenCalledWith(
      {dependency: 'feedback database', reason: 'connect ECONNREFUSED'},
      'feedback database unavailable',
    )

    outage.recovered()
    outage.recovered()
    expect(log.info).toHaveBeenCalledTimes(1)
    expect(log.info).toHaveBeenCalledWith(
      {dependency: 'feedback database', ms: 4_200, requests: 3},
      'feedback database available again',
    )

    outage.failed('down again', {kind: 'timeout'})
    expect(log.error).toHaveBeenCalledTimes(2)
    expect(log.error).toHaveBeenLastCalledWith(
      {dependency: 'feedback database', kind: 'timeout', reason: 'down again'},
      'feedback database unavailable',
    )
    outage.recovered()
    expect(log.info).toHaveBeenLastCalledWith(
      {dependency: 'feedback database', ms: 0, requests: 1},
      'feedback database available again',
    )
  })
})
