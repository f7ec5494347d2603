/**
 * The ceiling of the throughput comparison: Node's own http server answering one HTML file from
 * memory, with the headers a page needs and nothing else.
 *
 * Usage: tsx bench/ceiling-server.ts <port> <file>
 */
import {readFileSync} from 'node:fs'
import http from 'node:http'

const [port, file] = process.argv.slice(2)
const body = readFileSync(file)
const headers = {'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length)}

http
  .createServer((_request, response) => {
    response.writeHead(200, headers)
    response.end(body)
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`ceiling server on ${port}`))
