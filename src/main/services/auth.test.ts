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
    const admin = await desk.call('auth.setupAdmin', ADMIN)
    expect(admin.role).toBe('admin')
    expect(admin).not.toHaveProperty('password')
    expect((await desk.call('auth.status', {})).needsSetup).toBe(false)
    await expectFailure(desk.raw('auth.setupAdmin', { ...ADMIN, email: 'second@rapidcare.test' }), 'CONFLICT')
    expect(desk.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1)
  })

  it('stores a scrypt hash, never the password', async () => {
    desk = makeDesk()
    await desk.call('auth.setupAdmin', ADMIN)
    const stored = desk.db.prepare('SELECT password FROM users').pluck().get() as string
    expect(stored).toMatch(/^scrypt\$/)
    expect(stored).not.toContain(ADMIN.password)
  })

  it('refuses a weak password, naming the field, and writes nothing', async () => {
    desk = makeDesk()
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, password: 'short1' }),
      'VALIDATION',
      'password',
    )
    await expectFailure(
      desk.raw('auth.setupAdmin', { ...ADMIN, email: 'not-an-email' }),
      'VALIDATION',
      'email',
    )
    await expectFailure(desk.raw('auth.setupAdmin', { ...ADMIN, name: '   ' }), 'VALIDATION', 'name')
    await expectFailure(desk.raw('auth.setupAdmin', { ...ADMIN, role: 'admin' }), 'VALIDATION', 'role')
    expect(tableCounts(desk)).toEqual(before)
  })
})

describe('login', () => {
  it('signs in, sets lastLogin, and signs out', async () => {
    desk = makeDesk()
    await desk.call('auth.setupAdmin', ADMIN)
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
    await desk.call('auth.setupAdmin', ADMIN)
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
    expect(throttle.lockedFor('a@b.org')).toBe(0)
    throttle.fail('a@b.org')
    expect(throttle.lockedFor('a@b.org')).toBe(LOCK_MS)
    now += LOCK_MS
    expect(throttle.lockedFor('a@b.org')).toBe(0)

    desk = makeDesk()
    await desk.call('auth.setupAdmin', ADMIN)
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

describe('passwords', () => {
  it('verifies scrypt and legacy bcrypt hashes', () => {
    const h = hashPassword('hunter2-hunter2')
    expect(verifyPassword('hunter2-hunter2', h)).toBe(true)
    expect(verifyPassword('hunter2-hunter3', h)).toBe(false)
    expect(hashPassword('hunter2-hunter2')).not.toBe(h)
    const legacy = bcrypt.hashSync('legacy-pass-1', 4)
    expect(verifyPassword('legacy-pass-1', legacy)).toBe(true)
    expect(verifyPassword('legacy-pass-2', legacy)).toBe(false)
  })
})
