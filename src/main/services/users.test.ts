import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'

let desk: TestDesk
afterEach(() => desk?.close())

const HOSPITAL = { name: 'Chattogram General', address: 'Anderkilla, Chattogram', phone: '+880 31 619 584' }
const RECEPTIONIST = {
  name: 'Rafiq Hasan',
  email: 'rafiq@desk.example',
  password: 'front-desk-123',
  phone: '01711-222333',
  role: 'user' as const,
}

async function setup() {
  desk = makeDesk()
  const admin = await desk.adminToken()
  const hospital = await desk.call('hospitals.create', HOSPITAL, admin)
  return { admin, hospital }
}

describe('staff accounts', () => {
  it('creates accounts and never returns a password', async () => {
    const { admin, hospital } = await setup()
    const user = await desk.call('users.create', RECEPTIONIST, admin)
    expect(user).toMatchObject({ name: 'Rafiq Hasan', role: 'user', status: 'active', hospitalId: null })
    expect(user).not.toHaveProperty('password')
    const authority = await desk.call(
      'users.create',
      {
        ...RECEPTIONIST,
        email: 'Nusrat@Hospital.example',
        role: 'hospital-authority',
        hospitalId: hospital.id,
      },
      admin,
    )
    expect(authority).toMatchObject({ email: 'nusrat@hospital.example', hospitalName: HOSPITAL.name })
    const list = await desk.call('users.list', {}, admin)
    expect(list.total).toBe(3)
    for (const u of list.items) expect(JSON.stringify(u)).not.toMatch(/password|scrypt/)
    expect(await desk.login('rafiq@desk.example', RECEPTIONIST.password)).toBeTruthy()
  })

  it('requires a hospital for an authority, refuses one for an admin, and checks it exists', async () => {
    const { admin, hospital } = await setup()
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('users.create', { ...RECEPTIONIST, role: 'hospital-authority' }, admin),
      'VALIDATION',
      'hospitalId',
    )
    await expectFailure(
      desk.raw('users.create', { ...RECEPTIONIST, role: 'admin', hospitalId: hospital.id }, admin),
      'VALIDATION',
      'hospitalId',
    )
    await expectFailure(
      desk.raw('users.create', { ...RECEPTIONIST, role: 'hospital-authority', hospitalId: 404 }, admin),
      'NOT_FOUND',
      'hospitalId',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('validates every field, naming it, and writes nothing', async () => {
    const { admin } = await setup()
    await desk.call('users.create', RECEPTIONIST, admin)
    const before = tableCounts(desk)
    const bad: [Record<string, unknown>, string][] = [
      [{ name: ' ' }, 'name'],
      [{ email: 'rafiq@' }, 'email'],
      [{ email: 'RAFIQ@desk.example' }, 'email'], // already in use, whatever the case
      [{ password: 'short1' }, 'password'],
      [{ password: 'onlyletterslong' }, 'password'],
      [{ phone: 'abc' }, 'phone'],
      [{ role: 'superuser' }, 'role'],
      [{ hospitalId: -1 }, 'hospitalId'],
      [{ status: 'active' }, 'status'],
    ]
    for (const [patch, field] of bad) {
      await expectFailure(
        desk.raw('users.create', { ...RECEPTIONIST, email: 'other@desk.example', ...patch }, admin),
        'VALIDATION',
        field,
      )
    }
    await expectFailure(desk.raw('users.update', { id: 1, status: 'gone' }, admin), 'VALIDATION', 'status')
    await expectFailure(desk.raw('users.update', { id: 1, email: 'x@y.org' }, admin), 'VALIDATION', 'email')
    await expectFailure(desk.raw('users.update', { id: 999, name: 'Ghost' }, admin), 'NOT_FOUND')
    expect(tableCounts(desk)).toEqual(before)
  })

  it('filters by role, status and hospital, and searches name, email and phone', async () => {
    const { admin, hospital } = await setup()
    await desk.call('users.create', RECEPTIONIST, admin)
    const a = await desk.call(
      'users.create',
      {
        ...RECEPTIONIST,
        name: 'Nusrat Jahan',
        email: 'nusrat@x.org',
        phone: '01999-000111',
        role: 'hospital-authority',
        hospitalId: hospital.id,
      },
      admin,
    )
    await desk.call('users.update', { id: a.id, status: 'suspended' }, admin)
    const names = async (input: Record<string, unknown>) =>
      (await desk.call('users.list', input as never, admin)).items.map((u) => u.name)
    expect(await names({ role: 'hospital-authority' })).toEqual(['Nusrat Jahan'])
    expect(await names({ status: 'active' })).toEqual([ADMIN.name, 'Rafiq Hasan'])
    expect(await names({ hospitalId: hospital.id })).toEqual(['Nusrat Jahan'])
    expect(await names({ search: 'rafiq' })).toEqual(['Rafiq Hasan'])
    expect(await names({ search: '01999' })).toEqual(['Nusrat Jahan'])
    expect(await names({ search: '01999-000' })).toEqual(['Nusrat Jahan'])
  })

  it('deactivating or suspending a user ends their sessions and stops their sign-in', async () => {
    const { admin } = await setup()
    const user = await desk.call('users.create', RECEPTIONIST, admin)
    for (const status of ['inactive', 'suspended'] as const) {
      const token = await desk.login(RECEPTIONIST.email, RECEPTIONIST.password)
      expect((await desk.call('auth.me', {}, token)).id).toBe(user.id)
      await desk.call('users.update', { id: user.id, status }, admin)
      // Reactivated before the old token was used again, it stays dead: the session ended at once.
      await desk.call('users.update', { id: user.id, status: 'active' }, admin)
      await expectFailure(desk.raw('auth.me', {}, token), 'UNAUTHENTICATED')
      await desk.call('users.update', { id: user.id, status }, admin)
      const refused = await expectFailure(
        desk.raw('auth.login', { email: RECEPTIONIST.email, password: RECEPTIONIST.password }),
        'UNAUTHENTICATED',
      )
      expect(refused.message).toContain(status)
      await desk.call('users.update', { id: user.id, status: 'active' }, admin)
    }
  })

  it('a password reset ends the sessions; the new password works and the old does not', async () => {
    const { admin } = await setup()
    const user = await desk.call('users.create', RECEPTIONIST, admin)
    const token = await desk.login(RECEPTIONIST.email, RECEPTIONIST.password)
    await expectFailure(
      desk.raw('users.resetPassword', { id: user.id, password: 'weak' }, admin),
      'VALIDATION',
      'password',
    )
    expect((await desk.call('auth.me', {}, token)).id).toBe(user.id)
    const result = await desk.call(
      'users.resetPassword',
      { id: user.id, password: 'brand-new-pass-9' },
      admin,
    )
    expect(result).not.toHaveProperty('password')
    await expectFailure(desk.raw('auth.me', {}, token), 'UNAUTHENTICATED')
    await expectFailure(
      desk.raw('auth.login', { email: RECEPTIONIST.email, password: RECEPTIONIST.password }),
      'UNAUTHENTICATED',
    )
    expect(await desk.login(RECEPTIONIST.email, 'brand-new-pass-9')).toBeTruthy()
  })

  it('the last active admin can be neither demoted nor deactivated', async () => {
    const { admin, hospital } = await setup()
    const me = await desk.call('auth.me', {}, admin)
    const before = tableCounts(desk)
    await expectFailure(desk.raw('users.update', { id: me.id, role: 'user' }, admin), 'CONFLICT')
    await expectFailure(desk.raw('users.update', { id: me.id, status: 'inactive' }, admin), 'CONFLICT')
    await expectFailure(
      desk.raw('users.update', { id: me.id, role: 'hospital-authority', hospitalId: hospital.id }, admin),
      'CONFLICT',
    )
    expect(tableCounts(desk)).toEqual(before)
    expect((await desk.call('auth.me', {}, admin)).role).toBe('admin')

    // With a second active admin, the first may step down.
    const second = await desk.call(
      'users.create',
      { ...RECEPTIONIST, name: 'Second Admin', email: 'second@x.org', role: 'admin' },
      admin,
    )
    const demoted = await desk.call('users.update', { id: me.id, role: 'user' }, admin)
    expect(demoted.role).toBe('user')
    const secondToken = await desk.login('second@x.org', RECEPTIONIST.password)
    await expectFailure(
      desk.raw('users.update', { id: second.id, status: 'suspended' }, secondToken),
      'CONFLICT',
    )
  })

  it('moves an account between roles, keeping role and hospital consistent', async () => {
    const { admin, hospital } = await setup()
    const user = await desk.call('users.create', { ...RECEPTIONIST, hospitalId: hospital.id }, admin)
    expect(user.hospitalId).toBe(hospital.id)
    await expectFailure(
      desk.raw('users.update', { id: user.id, role: 'hospital-authority', hospitalId: null }, admin),
      'VALIDATION',
      'hospitalId',
    )
    const authority = await desk.call('users.update', { id: user.id, role: 'hospital-authority' }, admin)
    expect(authority).toMatchObject({ role: 'hospital-authority', hospitalId: hospital.id })
    // Promoted to admin, the hospital link goes (an admin serves every hospital).
    const promoted = await desk.call('users.update', { id: user.id, role: 'admin', name: 'Rafiq H.' }, admin)
    expect(promoted).toMatchObject({
      role: 'admin',
      hospitalId: null,
      name: 'Rafiq H.',
      phone: '+8801711222333', // RECEPTIONIST.phone, stored in E.164
    })
    const cleared = await desk.call('users.update', { id: user.id, phone: null }, admin)
    expect(cleared.phone).toBeNull()
  })

  it('front desk and authorities cannot touch users', async () => {
    const { admin, hospital } = await setup()
    const user = await desk.call('users.create', RECEPTIONIST, admin)
    await desk.call(
      'users.create',
      { ...RECEPTIONIST, email: 'auth@x.org', role: 'hospital-authority', hospitalId: hospital.id },
      admin,
    )
    const before = tableCounts(desk)
    for (const token of [
      await desk.login(RECEPTIONIST.email, RECEPTIONIST.password),
      await desk.login('auth@x.org', RECEPTIONIST.password),
    ]) {
      await expectFailure(desk.raw('users.list', {}, token), 'FORBIDDEN')
      await expectFailure(desk.raw('users.create', { ...RECEPTIONIST, email: 'n@x.org' }, token), 'FORBIDDEN')
      await expectFailure(desk.raw('users.update', { id: user.id, role: 'admin' }, token), 'FORBIDDEN')
      await expectFailure(
        desk.raw('users.resetPassword', { id: user.id, password: 'taken-over-123' }, token),
        'FORBIDDEN',
      )
    }
    expect(tableCounts(desk)).toEqual(before)
  })
})
