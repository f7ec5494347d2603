import {createServer, type Server} from 'node:http'

/**
 * A route handler served over HTTP on a free local port, as the running site would serve it, for
 * the scripts that ask the site first. Only the path, the query and Authorization are passed on.
 */
export function serveRoute(handler: (request: Request) => Promise<Response>): Promise<Server> {
  const server = createServer(async (request, response) => {
    const answer = await handler(
      new Request(`http://localhost${request.url}`, {
        headers: request.headers.authorization ? {authorization: request.headers.authorization} : {},
      }),
    )
    response.writeHead(answer.status, Object.fromEntries(answer.headers))
    response.end(await answer.text())
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}
