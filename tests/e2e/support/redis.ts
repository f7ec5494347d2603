import {once} from 'node:events'
import {createServer, type Server, type Socket} from 'node:net'

/** A server on the port that accepts connections and never answers: a hung Redis. */
export async function startSilentServer(port: number): Promise<{stop: () => Promise<void>}> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }).listen(port, '127.0.0.1')
  await once(server, 'listening')
  return {
    stop: async () => {
      for (const socket of sockets) socket.destroy()
      server.close()
      await once(server, 'close')
    },
  }
}
