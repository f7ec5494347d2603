import {createOutageLog} from '@/lib/health/outage-log.mjs'

describe('createOutageLog', () => {
  it('logs an outage once, its end once, and the next outage again', () => {
    const log = {error: jest.fn(), info: jest.fn()}
    const outage = createOutageLog('feedback database', log)
    outage.recovered()
    expect(log.info).not.toHaveBeenCalled()

    outage.failed(new Error('connect ECONNREFUSED'))
    outage.failed(new Error('connect ECONNREFUSED'))
    outage.failed(new Error('timeout'))
    expect(log.error).toHaveBeenCalledTimes(1)
    expect(log.error).toHaveBeenCalledWith(
      {dependency: 'feedback database', reason: 'connect ECONNREFUSED'},
      'feedback database unavailable',
    )

    outage.recovered()
    outage.recovered()
    expect(log.info).toHaveBeenCalledTimes(1)
    expect(log.info).toHaveBeenCalledWith(
      {dependency: 'feedback database'},
      'feedback database available again',
    )

    outage.failed('down again')
    expect(log.error).toHaveBeenCalledTimes(2)
    expect(log.error).toHaveBeenLastCalledWith(
      {dependency: 'feedback database', reason: 'down again'},
      'feedback database unavailable',
    )
  })
})
