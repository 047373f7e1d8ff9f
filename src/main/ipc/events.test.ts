/**
 * `GET /api/events` on a real server over a real desk file, with real second processes writing the
 * same file: a second `serve` and the CLI.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput, STAFF_PASSWORD } from '../../../test/bookingFixtures'
import { makeDesk, tempDir, type TestDesk } from '../../../test/helpers'
import { openStream, type OpenStream } from '../../../test/sse'
import { scopeForToken } from '../live/scope'
import { startHttpServer, type RunningServer } from './http'

const ROOT = path.resolve(__dirname, '..', '..', '..')

let desk: TestDesk
let server: RunningServer
let streams: OpenStream[] = []
let children: ChildProcess[] = []

beforeEach(async () => {
  desk = makeDesk()
  desk.feed.start(50)
  server = await startHttpServer({
    dispatcher: desk.dispatcher,
    staticDir: tempDir('rapidcare-static-'),
    port: 0,
    events: {
      feed: desk.feed,
      scopeFor: (token) => scopeForToken(desk.db, desk.dispatcher.sessions, token),
      heartbeatMs: 200,
    },
  })
})
afterEach(async () => {
  for (const s of streams) s.close()
  streams = []
  for (const c of children) c.kill('SIGTERM')
  children = []
  await server.close()
  desk.close()
})

async function stream(options: { token?: string; lastEventId?: string; host?: string } = {}) {
  const s = await openStream({ port: server.port, ...options })
  streams.push(s)
  return s
}

async function setup() {
  await desk.adminToken()
  const a = addHospital(desk, { name: 'Dhaka Medical College Hospital' })
  const b = addHospital(desk, { name: 'Chittagong General Hospital' })
  const deskA = await addStaff(desk, 'user', a)
  const authA = await addStaff(desk, 'hospital-authority', a)
  const authB = await addStaff(desk, 'hospital-authority', b)
  desk.feed.poke()
  return { a, b, deskA, authA, authB }
}

/** A child process on the same file; resolves with its stdout once `ready` matches. */
function child(args: string[], ready: RegExp): Promise<{ proc: ChildProcess; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(proc)
  let out = ''
  let err = ''
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (ready.test(out)) resolve({ proc, out })
    })
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    proc.on('exit', (code) => {
      if (ready.test(out)) resolve({ proc, out })
      else reject(new Error(`${args.join(' ')} exited ${code}: ${err}${out}`))
    })
  })
}

describe('GET /api/events', () => {
  it('refuses without a valid bearer token (401), and streams text/event-stream with one', async () => {
    await setup()
    expect((await stream()).status).toBe(401)
    expect((await stream({ token: 'not-a-session-token-at-all' })).status).toBe(401)
    const s = await stream({ token: await desk.adminToken() })
    expect(s.status).toBe(200)
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/)
    expect(s.headers['cache-control']).toBe('no-store')
    // The heartbeat: a comment line, well within 20 s (200 ms here).
    await new Promise((r) => setTimeout(r, 500))
    expect(s.comments).toContain('heartbeat')
  })

  it('refuses a foreign Host, as every other path does', async () => {
    const { authA } = await setup()
    expect((await stream({ token: authA.token, host: 'evil.example:80' })).status).toBe(403)
  })

  it('sends id = seq, event: change, and data with areas and hospitalIds; nothing of another hospital to an authority', async () => {
    const { a, deskA, authA, authB } = await setup()
    const ofA = await stream({ token: authA.token })
    const ofB = await stream({ token: authB.token })
    await desk.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    const [event] = await ofA.waitFor((e) => e.length === 1)
    expect(event).toEqual({
      id: String(desk.feed.lastSeq),
      event: 'change',
      data: { seq: desk.feed.lastSeq, areas: ['bookings', 'notifications'], hospitalIds: [a] },
    })
    await new Promise((r) => setTimeout(r, 200))
    expect(ofB.events).toEqual([])
  })

  it('resumes from Last-Event-ID with what the client missed', async () => {
    const { a, deskA, authA } = await setup()
    const mark = desk.feed.lastSeq
    await desk.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    const s = await stream({ token: authA.token, lastEventId: String(mark) })
    const [event] = await s.waitFor((e) => e.length === 1)
    expect(event!.data).toEqual({
      seq: desk.feed.lastSeq,
      areas: ['bookings', 'notifications'],
      hospitalIds: [a],
    })
    const fresh = await stream({ token: authA.token, lastEventId: String(desk.feed.lastSeq) })
    await new Promise((r) => setTimeout(r, 200))
    expect(fresh.events).toEqual([])
  })

  it('ends the stream when the session ends', async () => {
    const { a, deskA, authA } = await setup()
    const s = await stream({ token: authA.token })
    await desk.call('auth.logout', {}, authA.token)
    await desk.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    const started = Date.now()
    while (!s.ended && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 20))
    expect(s.ended).toBe(true)
    expect(s.events).toEqual([])
  })
})

describe('another process on the same file', () => {
  it('a second serve’s booking reaches the first server’s stream', async () => {
    const { a, deskA, authA } = await setup()
    const s = await stream({ token: authA.token })
    const { out } = await child(
      ['src/main/serve.ts', '--db', desk.dbPath, '--port', '0'],
      /Listening on (http:\/\/\S+)/,
    )
    const url = /Listening on (http:\/\/\S+)/.exec(out)![1]!
    const post = async (channel: string, body: unknown, token?: string) => {
      const res = await fetch(`${url}/api/${channel}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      })
      return (await res.json()) as { ok: boolean; value: { token: string; id: number } }
    }
    const login = await post('auth.login', { email: deskA.email, password: STAFF_PASSWORD })
    expect(login.ok).toBe(true)
    const created = await post('bookings.create', bookingInput(a, new Date()), login.value.token)
    expect(created.ok).toBe(true)
    const events = await s.waitFor((e) => e.some((x) => x.data.areas.includes('bookings')), 2000)
    expect(events.at(-1)!.data.hospitalIds).toEqual([a])
  }, 30_000)

  it('the CLI’s writes reach the stream (blood-expire on the same file)', async () => {
    const { a, deskA, authA } = await setup()
    desk.db
      .prepare(
        `INSERT INTO blood_requests (userId, patientName, bloodType, unitsNeeded, hospitalId, contactPhone, location, requiredBy, status)
         VALUES (?, 'Karim', 'O+', 2, ?, '+8801722222222', 'Dhaka', '2020-01-01T00:00:00.000Z', 'active')`,
      )
      .run(deskA.id, a)
    desk.feed.poke()
    const s = await stream({ token: authA.token })
    await child(['src/main/cli.ts', 'blood-expire', '--db', desk.dbPath], /1 blood request expired/)
    const events = await s.waitFor((e) => e.length > 0, 2000)
    expect(events[0]!.data).toEqual({ seq: desk.feed.lastSeq, areas: ['blood'], hospitalIds: [a] })
  }, 30_000)
})
