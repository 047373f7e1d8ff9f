/**
 * The hub for real: `serve --lan` in its own process on loopback (`--listen 127.0.0.1`: nothing here
 * talks to any other address), a connected desk's pinned client against it, and what it refuses.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, makeDesk } from '../../../test/helpers'
import type { ChangeEvent, LiveConnection } from '../../shared/live'
import { certificatePaths, fingerprintOf } from './certificate'
import { hubAddress, normaliseFingerprint, PinnedClient } from './pinned'
import { createRemoteDispatcher, RemoteLive } from './remote'

const ROOT = path.resolve(__dirname, '..', '..', '..')

let child: ChildProcess
let output = ''
let url = ''
let fingerprint = ''
let dbPath = ''
let port = 0

beforeAll(async () => {
  const desk = makeDesk()
  await desk.adminToken()
  dbPath = desk.dbPath
  desk.close()
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/serve.ts', '--lan', '--listen', '127.0.0.1', '--port', '0', '--db', dbPath],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString()
      if (/Certificate SHA-256: .+\n/.test(output)) resolve()
    })
    child.once('exit', (code) => reject(new Error(`serve --lan exited ${code}: ${err}`)))
  })
  url = /Listening on (\S+)/.exec(output)![1]!
  fingerprint = /Certificate SHA-256: (\S+)/.exec(output)![1]!
  port = Number(new URL(url).port)
}, 60_000)

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
})

/** A raw HTTPS request trusting exactly the hub's certificate, with every header under the test's control. */
function raw(headers: Record<string, string>): Promise<number> {
  const ca = fs.readFileSync(certificatePaths(dbPath).certPath, 'utf8')
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth.status',
        ca,
        checkServerIdentity: () => undefined,
        headers: { 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode!)
      },
    )
    req.once('error', reject)
    req.end('{}')
  })
}

describe('serve --lan', () => {
  it('prints its HTTPS address, then on the next line the certificate fingerprint kept beside the database', () => {
    const lines = output.split('\n')
    const at = lines.findIndex((l) => l.startsWith('Listening on '))
    expect(lines[at]).toMatch(/^Listening on https:\/\/127\.0\.0\.1:\d+$/)
    expect(lines[at + 1]).toMatch(/^Certificate SHA-256: ([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    const { certPath, keyPath } = certificatePaths(dbPath)
    expect(fingerprintOf(fs.readFileSync(certPath, 'utf8'))).toBe(fingerprint)
    expect(fs.statSync(keyPath).mode & 0o077).toBe(0)
  })

  it('answers a desk that pins its fingerprint: sign-in, calls, its own address and fingerprint in hub.status', async () => {
    const client = new PinnedClient(hubAddress(url, fingerprint.toLowerCase().replace(/:/g, '')))
    const remote = createRemoteDispatcher({ client })
    const login = await remote.call('auth.login', { email: ADMIN.email, password: ADMIN.password }, null)
    expect(login.ok).toBe(true)
    const token = (login as { value: { token: string } }).value.token
    expect(await remote.call('auth.me', {}, token)).toMatchObject({ ok: true, value: { email: ADMIN.email } })
    expect(await remote.call('hub.status', {}, token)).toEqual({
      ok: true,
      value: { url, fingerprint, mode: 'hub', control: false, sharing: null, connectedTo: null },
    })
    // Validation still happens on the hub, naming the field.
    expect(await remote.call('hospitals.create', { name: '' }, token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    client.close()
  })

  it('streams the live feed over HTTPS to a connected desk', async () => {
    const client = new PinnedClient(hubAddress(url, fingerprint))
    const remote = createRemoteDispatcher({ client })
    const login = await remote.call('auth.login', { email: ADMIN.email, password: ADMIN.password }, null)
    const token = (login as { value: { token: string } }).value.token
    const events: ChangeEvent[] = []
    const live = new RemoteLive(
      client,
      () => token,
      (e) => events.push(e),
      () => {},
    ).start()
    try {
      await new Promise((r) => setTimeout(r, 300))
      const created = await remote.call(
        'hospitals.create',
        { name: 'Kurmitola General Hospital', address: 'Dhaka Cantonment', phone: '+88029550001' },
        token,
      )
      expect(created.ok).toBe(true)
      const started = Date.now()
      while (!events.some((e) => e.areas.includes('hospitals')) && Date.now() - started < 3000)
        await new Promise((r) => setTimeout(r, 20))
      expect(events.at(-1)).toMatchObject({ areas: expect.arrayContaining(['hospitals']) })
    } finally {
      live.stop()
      client.close()
    }
  })

  it('refuses a wrong fingerprint before sending anything', async () => {
    const wrong = normaliseFingerprint('00'.repeat(32))!
    const remote = createRemoteDispatcher({ client: new PinnedClient(hubAddress(url, wrong)) })
    const result = await remote.call('auth.login', { email: ADMIN.email, password: ADMIN.password }, null)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect((result as { error: { message: string } }).error.message).toContain('another fingerprint')
  })

  it('speaks no plain HTTP, and takes no http:// address', async () => {
    const plain = await new Promise<string>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth.status',
          headers: { Host: `127.0.0.1:${port}` },
        },
        (res) => {
          let body = ''
          res.on('data', (d: Buffer) => (body += d.toString()))
          res.on('end', () => resolve(`status ${res.statusCode}: ${body}`))
        },
      )
      req.once('error', (err) => resolve(`error ${err.message}`))
      req.end('{}')
    })
    expect(plain).not.toContain('"ok"')
    expect(() => hubAddress(`http://127.0.0.1:${port}`, fingerprint)).toThrow(/HTTPS only/)
  })

  it('refuses a foreign Host or Origin', async () => {
    expect(await raw({ Host: `127.0.0.1:${port}` })).toBe(200)
    expect(await raw({ Host: `localhost:${port}`, Origin: `https://localhost:${port}` })).toBe(200)
    expect(await raw({ Host: `evil.example:${port}` })).toBe(403)
    expect(await raw({ Host: `127.0.0.1:${port}`, Origin: 'https://evil.example' })).toBe(403)
    expect(await raw({ Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` })).toBe(403)
  })

  it('a connected desk says the hub is not answering once it stops, and writes nothing it cannot confirm', async () => {
    const seen: LiveConnection[] = []
    const remote = createRemoteDispatcher({
      client: new PinnedClient(hubAddress(url, fingerprint)),
      onConnection: (c) => seen.push(c),
    })
    expect((await remote.call('auth.status', {}, null)).ok).toBe(true)
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    const result = await remote.call('auth.status', {}, null)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect((result as { error: { message: string } }).error.message).toContain(
      `The hospital's desk at 127.0.0.1:${port} is not answering`,
    )
    expect(seen).toEqual([{ state: 'down', since: expect.any(String), host: `127.0.0.1:${port}` }])
  })
})
