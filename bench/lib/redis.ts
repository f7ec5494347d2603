import {once} from 'node:events'
import {connect} from 'node:net'

import {start, type Managed} from './processes'

/** Whether a Redis server answers PING on the port. */
async function answersPing(port: number): Promise<boolean> {
  const socket = connect(port, '127.0.0.1')
  try {
    await once(socket, 'connect')
    socket.write('PING\r\n')
    const [reply] = (await Promise.race([
      once(socket, 'data'),
      new Promise((resolve) => setTimeout(() => resolve(['']), 500)),
    ])) as [Buffer | string]
    return String(reply).startsWith('+PONG')
  } catch {
    return false
  } finally {
    socket.destroy()
  }
}

/** Debian's redis-server on its own port, keeping nothing on disk, ready when this resolves. */
export async function startRedis(port: number): Promise<Managed> {
  const redis = start('redis-server', 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ])
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    if (await answersPing(port)) return redis
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await redis.stop()
  throw new Error(`redis-server did not answer on port ${port}:\n${redis.output()}`)
}
