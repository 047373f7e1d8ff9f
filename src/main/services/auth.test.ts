import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { LOCK_MS, LoginThrottle } from './auth'
import { hashPassword, verifyPassword } from './passwords'
import bcrypt from 'bcryptjs'

let desk: TestDesk
afterEach(() => desk?.close())

describe('first-run administrator', () => {
  it('is asked for on a new database, created once, then refused', async () => {
    desk = makeDesk()
    expect((await desk.call('auth.status', {})).needsSetup).toBe(true)
    const admin = await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
    expect(admin.role).toBe('admin')
    expect(admin).not.toHaveProperty('password')
    expect((await desk.call('auth.status', {})).needsSetup).toBe(false)
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode, email: 'second@rapidcare.test' }),
      'CONFLICT',
    )
    expect(desk.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1)
  })

  it('stores a scrypt hash, never the password', async () => {
    desk = makeDesk()
    await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
    const stored = desk.db.prepare('SELECT password FROM users').pluck().get() as string
    expect(stored).toMatch(/^scrypt\$/)
    expect(stored).not.toContain(ADMIN.password)
  })

  it('refuses a weak password, naming the field, and writes nothing', async () => {
    desk = makeDesk()
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode, password: 'short1' }),
      'VALIDATION',
      'password',
    )
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode, email: 'not-an-email' }),
      'VALIDATION',
      'email',
    )
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode, name: '   ' }),
      'VALIDATION',
      'name',
    )
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode, role: 'admin' }),
      'VALIDATION',
      'role',
    )
    expect(tableCounts(desk)).toEqual(before)
  })
})

describe('login', () => {
  it('signs in, sets lastLogin, and signs out', async () => {
    desk = makeDesk()
    await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
    const { token, user } = await desk.call('auth.login', {
      email: ADMIN.email.toUpperCase(),
      password: ADMIN.password,
    })
    expect(user.lastLogin).not.toBeNull()
    expect((await desk.call('auth.me', {}, token)).email).toBe(ADMIN.email)
    await desk.call('auth.logout', {}, token)
    await expectFailure(desk.raw('auth.me', {}, token), 'UNAUTHENTICATED')
  })

  it('refuses a wrong password without saying which part was wrong', async () => {
    desk = makeDesk()
    await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
    const err = await expectFailure(
      desk.raw('auth.login', { email: ADMIN.email, password: 'wrong-password-1' }),
      'UNAUTHENTICATED',
    )
    expect(err.message).toBe('The email or password is not correct.')
    const unknown = await expectFailure(
      desk.raw('auth.login', { email: 'nobody@x.org', password: 'wrong-password-1' }),
      'UNAUTHENTICATED',
    )
    expect(unknown.message).toBe(err.message)
  })

  it('locks an account for 5 minutes after 5 failures', async () => {
    let now = 1_000_000
    const throttle = new LoginThrottle(() => now)
    for (let i = 0; i < 4; i++) throttle.fail('a@b.org')
    expect(throttle.lockedFor('a@b.org').ms).toBe(0)
    throttle.fail('a@b.org')
    expect(throttle.lockedFor('a@b.org').ms).toBe(LOCK_MS)
    now += LOCK_MS
    expect(throttle.lockedFor('a@b.org').ms).toBe(0)

    desk = makeDesk()
    await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
    for (let i = 0; i < 5; i++)
      await desk.raw('auth.login', { email: ADMIN.email, password: 'wrong-password-1' })
    const locked = await expectFailure(
      desk.raw('auth.login', { email: ADMIN.email, password: ADMIN.password }),
      'UNAUTHENTICATED',
    )
    expect(locked.message).toMatch(/locked/)
  })

  it('ends the session of a user who is no longer active', async () => {
    desk = makeDesk()
    const token = await desk.adminToken()
    desk.db.prepare(`UPDATE users SET status = 'suspended'`).run()
    await expectFailure(desk.raw('auth.me', {}, token), 'UNAUTHENTICATED')
    desk.db.prepare(`UPDATE users SET status = 'active'`).run()
    await expectFailure(desk.raw('auth.me', {}, token), 'UNAUTHENTICATED')
  })
})

describe('first run needs the setup code (item 12)', () => {
  it('refuses setupAdmin and adopt.legacy without it or with a wrong one, naming the field', async () => {
    desk = makeDesk()
    const before = tableCounts(desk)
    await expectFailure(desk.raw('auth.setupAdmin', ADMIN), 'VALIDATION', 'setupCode')
    const wrong = desk.setupCode === '0000-0000' ? '1111-1111' : '0000-0000'
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: wrong }),
      'VALIDATION',
      'setupCode',
    )
    await expectFailure(
      desk.raw('adopt.legacy', { path: '/tmp/any.sqlite', setupCode: wrong }),
      'VALIDATION',
      'setupCode',
    )
    expect(tableCounts(desk)).toEqual(before)
    expect((await desk.call('auth.status', {})).needsSetup).toBe(true)
    // Typed with a space instead of the dash, it is still the code.
    await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode.replace('-', ' ') })
    // Once an administrator exists the code opens nothing.
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, email: 'b@x.org', setupCode: desk.setupCode }),
      'CONFLICT',
    )
  })

  it('allows 10 wrong codes a minute, then refuses even the right one for that minute', async () => {
    desk = makeDesk()
    const wrong = desk.setupCode === '0000-0000' ? '1111-1111' : '0000-0000'
    for (let i = 0; i < 10; i++) await desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: wrong })
    const err = await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode }),
      'VALIDATION',
      'setupCode',
    )
    expect(err.message).toMatch(/too many/)
  })
})

describe('auth.status (item 11)', () => {
  it('tells where the database lies to an administrator only', async () => {
    desk = makeDesk()
    expect(await desk.call('auth.status', {})).not.toHaveProperty('databasePath')
    const admin = await desk.adminToken()
    expect(await desk.call('auth.status', {})).not.toHaveProperty('databasePath')
    expect((await desk.call('auth.status', {}, admin)).databasePath).toBe(desk.dbPath)
    await desk.call(
      'users.create',
      {
        name: 'Rafiq Islam',
        email: 'rafiq@desk.example',
        password: 'front-desk-pass-1',
        role: 'user',
      },
      admin,
    )
    const frontDesk = await desk.login('rafiq@desk.example', 'front-desk-pass-1')
    expect(await desk.call('auth.status', {}, frontDesk)).not.toHaveProperty('databasePath')
  })
})

/** True when `promise` settles before the event loop gets one turn (a setImmediate). */
async function settlesWithinOneTurn(promise: Promise<unknown>): Promise<boolean> {
  let turned = false
  setImmediate(() => (turned = true))
  await promise
  return !turned
}

describe('hashing off the event loop (item 9)', () => {
  it('answers other calls while ten sign-ins hash', async () => {
    desk = makeDesk()
    await desk.adminToken()
    const order: string[] = []
    const logins = Array.from({ length: 10 }, (_, i) =>
      desk.raw('auth.login', { email: ADMIN.email, password: ADMIN.password }).then((env) => {
        expect(env.ok).toBe(true)
        order.push(`login${i}`)
      }),
    )
    const status = desk.raw('auth.status', {}).then(() => order.push('status'))
    await Promise.all([...logins, status])
    expect(order[0]).toBe('status')
    // And a sign-in takes more than one turn of the loop: the hash runs on the thread pool.
    expect(
      await settlesWithinOneTurn(desk.raw('auth.login', { email: ADMIN.email, password: 'x-wrong-1234' })),
    ).toBe(false)
  })

  it('does not hash at all in setupAdmin once an administrator exists', async () => {
    desk = makeDesk()
    await desk.adminToken()
    const refused = desk.raw('auth.setupAdmin', { ...ADMIN, email: 'c@x.org', setupCode: desk.setupCode })
    expect(await settlesWithinOneTurn(refused)).toBe(true)
    expect((await refused).ok).toBe(false)
  })
})

describe('sign-in throttling per client (item 13)', () => {
  it('locks the account for the noisy client only, and throttles a client that guesses many accounts', async () => {
    desk = makeDesk()
    await desk.adminToken()
    const attempt = (caller: string, email = ADMIN.email, password = 'wrong-password-1') =>
      desk.dispatcher.call('auth.login', { email, password }, null, caller)
    for (let i = 0; i < 5; i++) await attempt('10.0.0.66')
    const locked = await expectFailure(attempt('10.0.0.66', ADMIN.email, ADMIN.password), 'UNAUTHENTICATED')
    expect(locked.message).toMatch(/account is locked/)
    // The administrator at another workstation still signs in.
    expect((await attempt('10.0.0.7', ADMIN.email, ADMIN.password)).ok).toBe(true)

    // Twenty failures over many accounts: that client waits, whichever account it tries next.
    for (let i = 0; i < 15; i++) await attempt('10.0.0.66', `guess${i}@x.org`)
    const throttled = await expectFailure(attempt('10.0.0.66', 'fresh@x.org'), 'UNAUTHENTICATED')
    expect(throttled.message).toMatch(/from this workstation/)
    expect((await attempt('10.0.0.7', ADMIN.email, ADMIN.password)).ok).toBe(true)
  })
})

describe('passwords', () => {
  it('verifies scrypt and legacy bcrypt hashes', async () => {
    const h = await hashPassword('hunter2-hunter2')
    expect(await verifyPassword('hunter2-hunter2', h)).toBe(true)
    expect(await verifyPassword('hunter2-hunter3', h)).toBe(false)
    expect(await hashPassword('hunter2-hunter2')).not.toBe(h)
    const legacy = bcrypt.hashSync('legacy-pass-1', 4)
    expect(await verifyPassword('legacy-pass-1', legacy)).toBe(true)
    expect(await verifyPassword('legacy-pass-2', legacy)).toBe(false)
  })
})
