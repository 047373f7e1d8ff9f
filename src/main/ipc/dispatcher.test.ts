import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ADMIN, expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { mergeChannels, channel } from '../../shared/channel'
import { CHANNEL_NAMES } from '../../shared/contract'
import { hashPasswordSync } from '../services/passwords'
import { createDispatcher, mergeHandlers, validationDetails } from './dispatcher'
import { buildHandlers } from './handlers'

let desk: TestDesk
afterEach(() => desk?.close())

describe('the dispatcher', () => {
  it('has a handler for every channel of the contract, and nothing else', () => {
    expect(Object.keys(buildHandlers()).sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('answers an unknown channel with NOT_FOUND', async () => {
    desk = makeDesk()
    await expectFailure(desk.raw('bookings.teleport', {}), 'NOT_FOUND')
    await expectFailure(desk.raw('__proto__', {}), 'NOT_FOUND')
    await expectFailure(desk.raw('constructor', {}), 'NOT_FOUND')
  })

  it('refuses bad input with VALIDATION naming the field, before anything else', async () => {
    desk = makeDesk()
    const before = tableCounts(desk)
    const err = await expectFailure(
      desk.raw('auth.login', { email: 'a@b.org', password: 42 }),
      'VALIDATION',
      'password',
    )
    expect(err.message).toMatch(/^password: /)
    await expectFailure(desk.raw('auth.login', null), 'VALIDATION')
    await expectFailure(desk.raw('auth.login', 'email=a'), 'VALIDATION')
    await expectFailure(desk.raw('auth.me', { extra: 1 }, 'token'), 'VALIDATION', 'extra')
    expect(tableCounts(desk)).toEqual(before)
  })

  it('refuses a protected channel without a session: UNAUTHENTICATED', async () => {
    desk = makeDesk()
    await expectFailure(desk.raw('auth.me', {}), 'UNAUTHENTICATED')
    await expectFailure(desk.raw('auth.me', {}, 'forged-token-forged-token'), 'UNAUTHENTICATED')
  })

  it('runs validate → authenticate → authorise → service, in that order', async () => {
    desk = makeDesk()
    const adminToken = await desk.adminToken()
    desk.db
      .prepare(
        `INSERT INTO users (name, email, password, role) VALUES ('Desk', 'desk@rapidcare.test', ?, 'user')`,
      )
      .run(hashPasswordSync('front-desk-pass-1'))
    const deskToken = await desk.login('desk@rapidcare.test', 'front-desk-pass-1')
    const calls: unknown[] = []
    const channels = {
      'test.adminOnly': channel(z.object({ n: z.number().int() }).strict(), ['admin']).returns<number>(),
    }
    const d = createDispatcher({
      db: desk.db,
      now: () => new Date(),
      client: { workstation: 'w', userAgent: 'u' },
      app: desk.app,
      handlers: {
        'test.adminOnly': (_ctx: unknown, input: { n: number }) => (calls.push(input), input.n * 2),
      } as never,
      channels,
      sessions: desk.dispatcher.sessions,
    })
    await expectFailure(d.call('test.adminOnly', { n: 'x' }, null), 'VALIDATION', 'n')
    await expectFailure(d.call('test.adminOnly', { n: 1 }, null), 'UNAUTHENTICATED')
    const forbidden = await expectFailure(d.call('test.adminOnly', { n: 1 }, deskToken), 'FORBIDDEN')
    expect(forbidden.message).toMatch(/role \(user\)/)
    expect(calls).toEqual([])
    expect(await d.call('test.adminOnly', { n: 21 }, adminToken)).toEqual({ ok: true, value: 42 })
    expect(calls).toEqual([{ n: 21 }])
  })

  it('turns an unexpected exception into INTERNAL, logs it with its stack, and keeps serving', async () => {
    desk = makeDesk()
    const logged: unknown[] = []
    const handlers = {
      ...buildHandlers(),
      'auth.status': () => {
        throw new Error('disk on fire')
      },
    }
    const d = createDispatcher({
      db: desk.db,
      now: () => new Date(),
      client: { workstation: 'w', userAgent: 'u' },
      app: desk.app,
      handlers,
      logError: (_c, e) => logged.push(e),
    })
    const env = await d.call('auth.status', {}, null)
    expect(env).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.not.stringContaining('disk on fire') },
    })
    expect((logged[0] as Error).stack).toContain('disk on fire')
    expect((await d.call('auth.setupAdmin', { ...ADMIN, setupCode: d.setupCode.value }, null)).ok).toBe(true)
  })

  it('never returns a password hash', async () => {
    desk = makeDesk()
    const token = await desk.adminToken()
    const text = JSON.stringify([
      await desk.raw('auth.me', {}, token),
      await desk.raw('auth.login', { email: ADMIN.email, password: ADMIN.password }),
    ])
    expect(text).not.toMatch(/scrypt\$|password/)
  })
})

describe('registration', () => {
  it('refuses a channel declared twice or handled twice', () => {
    const a = { 'x.y': channel(z.object({}), 'public').returns<null>() }
    expect(() => mergeChannels(a, a)).toThrow(/declared twice/)
    const h = { 'auth.status': () => null }
    expect(() => mergeHandlers(h as never, h as never)).toThrow(/two handlers/)
  })

  it('names every offending field', () => {
    const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }) }).strict()
    const r = schema.safeParse({ a: 'x', b: { c: 1 }, d: true })
    const { details } = validationDetails(r.error!)
    expect(Object.keys(details.fields!).sort()).toEqual(['a', 'b.c', 'd'])
  })
})
