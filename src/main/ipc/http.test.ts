import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ADMIN, makeDesk, tempDir, type TestDesk } from '../../../test/helpers'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from './http'
import { staticPath } from './staticPath'

let desk: TestDesk
let server: RunningServer
let staticDir: string

beforeEach(async () => {
  desk = makeDesk()
  staticDir = tempDir('rapidcare-static-')
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>desk</title>')
  fs.mkdirSync(path.join(staticDir, 'assets'))
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  server = await startHttpServer({ dispatcher: desk.dispatcher, staticDir, port: 0 })
})
afterEach(async () => {
  await server.close()
  desk.close()
})

/** A raw request, so tests control every header (fetch forbids setting Host and Origin). */
function request(
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

const json = { 'Content-Type': 'application/json' }
const setup = () => JSON.stringify({ ...ADMIN, setupCode: desk.setupCode })

describe('browser mode over HTTP', () => {
  it('listens on loopback only', () => {
    expect((server.server.address() as { address: string }).address).toBe('127.0.0.1')
  })

  it('answers a channel with the envelope and 200', async () => {
    const r = await request('POST', '/api/auth.status', { headers: json, body: '{}' })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { needsSetup: true } })
  })

  it('mirrors the error code in the status: 400, 401, 404, 409', async () => {
    const bad = await request('POST', '/api/auth.setupAdmin', {
      headers: json,
      body: JSON.stringify({ ...ADMIN, setupCode: desk.setupCode, email: 'x' }),
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'VALIDATION', details: { field: 'email' } })
    expect((await request('POST', '/api/auth.me', { headers: json, body: '{}' })).status).toBe(401)
    const unknown = await request('POST', '/api/nope.nothing', { headers: json, body: '{}' })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).error.code).toBe('NOT_FOUND')
    await request('POST', '/api/auth.setupAdmin', { headers: json, body: setup() })
    expect((await request('POST', '/api/auth.setupAdmin', { headers: json, body: setup() })).status).toBe(409)
  })

  it('signs in with a bearer token', async () => {
    await request('POST', '/api/auth.setupAdmin', { headers: json, body: setup() })
    const login = JSON.parse(
      (
        await request('POST', '/api/auth.login', {
          headers: json,
          body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
        })
      ).body,
    )
    const me = await request('POST', '/api/auth.me', {
      headers: { ...json, Authorization: `Bearer ${login.value.token}` },
      body: '{}',
    })
    expect(me.status).toBe(200)
    expect(JSON.parse(me.body).value.email).toBe(ADMIN.email)
  })

  it('refuses a body that is not JSON, or not declared JSON, with VALIDATION', async () => {
    const r = await request('POST', '/api/auth.status', { headers: json, body: '{not json' })
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body).error.code).toBe('VALIDATION')
    const form = await request('POST', '/api/auth.status', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(form.status).toBe(400)
  })

  it('refuses a body over 1 MiB', async () => {
    const r = await request('POST', '/api/auth.status', {
      headers: json,
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 32),
    })
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body).error.message).toMatch(/larger than/)
  })

  it('refuses a foreign Origin (cross-site) and a foreign Host (DNS rebinding)', async () => {
    const site = await request('POST', '/api/auth.status', {
      headers: { ...json, Origin: 'https://evil.example' },
      body: '{}',
    })
    expect(site.status).toBe(403)
    expect(JSON.parse(site.body).error.code).toBe('FORBIDDEN')
    const rebound = await request('POST', '/api/auth.status', {
      headers: { ...json, Host: `evil.example:${server.port}` },
      body: '{}',
    })
    expect(rebound.status).toBe(403)
    const nullOrigin = await request('POST', '/api/auth.status', {
      headers: { ...json, Origin: 'null' },
      body: '{}',
    })
    expect(nullOrigin.status).toBe(403)
    const own = await request('POST', '/api/auth.status', {
      headers: { ...json, Origin: `http://127.0.0.1:${server.port}` },
      body: '{}',
    })
    expect(own.status).toBe(200)
  })

  it('serves the renderer for every other GET, with the CSP', async () => {
    const page = await request('GET', '/hospitals/12')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>desk</title>')
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['x-frame-options']).toBe('DENY')
    const asset = await request('GET', '/assets/app.js')
    expect(asset.headers['content-type']).toMatch(/javascript/)
    const escape = await request('GET', '/../../../etc/passwd')
    expect(escape.body).toContain('<title>desk</title>')
    expect((await request('GET', '/api/auth.status')).status).toBe(400)
  })
})

describe('malformed page paths (item 7)', () => {
  it('answers 400 to a malformed percent-encoding, with no stack in the log', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      for (const p of ['/%', '/%E0%A4%A', '/a%00b']) {
        const r = await request('GET', p)
        expect(r.status, p).toBe(400)
        expect(r.body).not.toMatch(/URIError|at /)
      }
      expect(errors).not.toHaveBeenCalled()
      expect((await request('GET', '/assets/app.js')).status).toBe(200)
    } finally {
      errors.mockRestore()
    }
  })

  it('resolves paths the same way for the app:// protocol', () => {
    const root = path.resolve(staticDir)
    expect(staticPath(root, '/%')).toBeNull()
    expect(staticPath(root, '/%00')).toBeNull()
    expect(staticPath(root, '/')).toBe(path.join(root, 'index.html'))
    expect(staticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'))
    expect(staticPath(root, '/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'))
    expect(staticPath(root, '/%2e%2e/%2e%2e/etc/passwd')?.startsWith(root + path.sep)).toBe(true)
  })
})

/** A raw socket to the server, for clients that misbehave. */
function rawSocket(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
  })
}

function closed(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = ''
    socket.on('data', (d: Buffer) => (data += d.toString()))
    socket.on('close', () => resolve(data))
  })
}

describe('slow and greedy clients (item 10)', () => {
  let fast: RunningServer
  beforeEach(async () => {
    fast = await startHttpServer({
      dispatcher: desk.dispatcher,
      staticDir,
      port: 0,
      limits: { requestTimeoutMs: 600, headersTimeoutMs: 500, checkEveryMs: 100, maxConnections: 3 },
    })
  })
  afterEach(() => fast.close())

  it('drops a half-sent body within the request timeout', async () => {
    const socket = await rawSocket(fast.port)
    const done = closed(socket)
    socket.write(
      `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:${fast.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a`,
    )
    const started = Date.now()
    const answer = await done
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
  })

  it('answers 413 to a declared oversized body without reading it, and closes', async () => {
    const socket = await rawSocket(fast.port)
    const done = closed(socket)
    socket.write(
      `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:${fast.port}\r\nContent-Type: application/json\r\nContent-Length: ${MAX_BODY_BYTES * 50}\r\n\r\n`,
    )
    const answer = await done
    expect(answer).toMatch(/^HTTP\/1\.1 413/)
    expect(answer).toMatch(/larger than/)
  })

  it('caps the connections one client may hold open', async () => {
    const held = await Promise.all([1, 2, 3].map(() => rawSocket(fast.port)))
    const extra = await rawSocket(fast.port)
    expect(await closed(extra)).toBe('')
    for (const s of held) s.destroy()
  })

  it('logs an aborted request as one line, not a stack', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const socket = await rawSocket(fast.port)
      socket.write(
        `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:${fast.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a`,
      )
      await new Promise((r) => setTimeout(r, 100))
      socket.destroy()
      await new Promise((r) => setTimeout(r, 300))
      expect(errors).not.toHaveBeenCalled()
      expect(warnings).toHaveBeenCalledTimes(1)
      expect(String(warnings.mock.calls[0]![0])).toMatch(/closed its request .* early/)
    } finally {
      errors.mockRestore()
      warnings.mockRestore()
    }
  })
})
