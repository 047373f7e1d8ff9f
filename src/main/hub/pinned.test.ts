/**
 * The pinned client's kept-alive connections: it lets an idle one go before the hub would, so it
 * never sends a request on a socket the hub is closing in that same instant (the "socket hang up"
 * once seen in the hub bench: Node's agent keeps idle sockets forever unless it has a timeout of its
 * own, and the hub's Node closes them at 5 s).
 */
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers'
import { loadOrCreateCertificate } from './certificate'
import { hubAddress, IDLE_SOCKET_MS, PinnedClient } from './pinned'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function hubLike(keepAliveTimeout: number) {
  const cert = await loadOrCreateCertificate(path.join(tempDir(), 'hub.sqlite'), {
    dns: ['localhost'],
    ips: ['127.0.0.1'],
  })
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    req.resume()
    req.on('end', () => res.end('{"ok":true}'))
  })
  server.keepAliveTimeout = keepAliveTimeout
  let connections = 0
  let open = 0
  server.on('connection', (socket: Socket) => {
    connections++
    open++
    socket.on('close', () => open--)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(
    () => new Promise((r) => server.close(r)),
    () => server.closeAllConnections(),
  )
  const port = (server.address() as AddressInfo).port
  return {
    address: hubAddress(`https://127.0.0.1:${port}`, cert.fingerprint),
    connections: () => connections,
    open: () => open,
  }
}

it('lets an idle connection go before the hub does, and opens a fresh one for the next call', async () => {
  expect(IDLE_SOCKET_MS).toBeLessThan(5000) // Node's server keep-alive, which the hub keeps
  const hub = await hubLike(2500)
  const client = new PinnedClient(hub.address, 2000, 200)
  cleanups.push(() => client.close())
  const call = async () => (await client.request('POST', '/api/auth.status', {}, '{}')).status
  expect(await call()).toBe(200)
  const opened = hub.connections() // the pin check's own handshake, and the call's connection
  await new Promise((r) => setTimeout(r, 20))
  expect(await call()).toBe(200)
  expect(hub.connections()).toBe(opened) // kept alive between two quick calls
  expect(hub.open()).toBe(1)
  await new Promise((r) => setTimeout(r, 400))
  // Closed by the client (at 200 ms): the hub would not have closed it before 2.5 s.
  expect(hub.open()).toBe(0)
  expect(await call()).toBe(200)
  expect(hub.connections()).toBe(opened + 1)
})
