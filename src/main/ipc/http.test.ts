import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN, makeDesk, tempDir, type TestDesk } from '../../../test/helpers'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from './http'

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
    expect(r.status).toBe(400)
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
