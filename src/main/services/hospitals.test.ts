import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { assertHospitalApproved, getHospital } from './hospitals'

let desk: TestDesk
afterEach(() => desk?.close())

export const CITY = {
  name: 'Dhaka City Hospital',
  address: '12 Green Road, Dhaka 1205',
  phone: '+880 2 5566 7788',
  email: 'desk@dhakacity.example',
  website: 'https://dhakacity.example',
  specialties: ['Cardiology', 'Neurology'],
  facilities: ['ICU', 'Pharmacy'],
  operatingHours: { monday: '08:00–20:00', sunday: 'Closed' },
  emergencyContact: '+880 1711 000111',
  licenseNumber: 'DGHS/2024-0117',
}

async function adminDesk() {
  desk = makeDesk()
  const admin = await desk.adminToken()
  return admin
}

describe('hospitals', () => {
  it('creates a pending hospital with its arrays and object, and three resource rows at zero', async () => {
    const admin = await adminDesk()
    const h = await desk.call('hospitals.create', CITY, admin)
    expect(h).toMatchObject({
      ...CITY,
      // Phones are stored in E.164, whichever way they were typed.
      phone: '+880255667788',
      emergencyContact: '+8801711000111',
      status: 'pending',
      approvedBy: null,
      approvedAt: null,
    })
    // JSON in the seed's TEXT columns.
    const raw = desk.db
      .prepare('SELECT specialties, operatingHours FROM hospitals WHERE id = ?')
      .get(h.id) as {
      specialties: string
      operatingHours: string
    }
    expect(JSON.parse(raw.specialties)).toEqual(['Cardiology', 'Neurology'])
    expect(JSON.parse(raw.operatingHours)).toEqual({ monday: '08:00–20:00', sunday: 'Closed' })

    const resources = await desk.call('resources.list', { hospitalId: h.id }, admin)
    expect(
      resources.map((r) => [r.resourceType, r.total, r.available, r.occupied, r.reserved, r.maintenance]),
    ).toEqual([
      ['beds', 0, 0, 0, 0, 0],
      ['icu', 0, 0, 0, 0, 0],
      ['operationTheatres', 0, 0, 0, 0, 0],
    ])
    const audit = await desk.call('audit.list', { hospitalId: h.id }, admin)
    expect(audit.total).toBe(3)
    expect(audit.items.every((a) => a.action === 'create' && a.oldValues === null)).toBe(true)
  })

  it('approves, recording who and when; only an approved hospital takes bookings', async () => {
    const now = new Date('2025-03-01T09:30:00.000Z')
    desk = makeDesk({ now: () => now })
    const admin = await desk.adminToken()
    const me = await desk.call('auth.me', {}, admin)
    const h = await desk.call('hospitals.create', CITY, admin)
    expect(() => assertHospitalApproved(desk.db, h.id)).toThrow(/pending, not approved/)
    const approved = await desk.call('hospitals.approve', { id: h.id }, admin)
    expect(approved).toMatchObject({ status: 'approved', approvedBy: me.id, approvedAt: now.toISOString() })
    expect(assertHospitalApproved(desk.db, h.id).id).toBe(h.id)
    expect(() => assertHospitalApproved(desk.db, 999)).toThrow(/no hospital/)
    await expectFailure(desk.raw('hospitals.approve', { id: h.id }, admin), 'CONFLICT')

    await desk.call('hospitals.suspend', { id: h.id }, admin)
    expect(getHospital(desk.db, h.id)!.status).toBe('suspended')
    expect(() => assertHospitalApproved(desk.db, h.id)).toThrow(/suspended/)
    await expectFailure(desk.raw('hospitals.suspend', { id: h.id }, admin), 'CONFLICT')
    // Reinstated by approving again.
    expect((await desk.call('hospitals.approve', { id: h.id }, admin)).status).toBe('approved')
  })

  it('rejects a pending hospital with a reason, and refuses a rejection without one', async () => {
    const admin = await adminDesk()
    const h = await desk.call('hospitals.create', CITY, admin)
    await expectFailure(desk.raw('hospitals.reject', { id: h.id }, admin), 'VALIDATION', 'reason')
    await expectFailure(
      desk.raw('hospitals.reject', { id: h.id, reason: '  ' }, admin),
      'VALIDATION',
      'reason',
    )
    const rejected = await desk.call('hospitals.reject', { id: h.id, reason: 'Licence expired' }, admin)
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Licence expired' })
    await expectFailure(desk.raw('hospitals.suspend', { id: h.id }, admin), 'CONFLICT')
    const approved = await desk.call('hospitals.approve', { id: h.id }, admin)
    expect(approved.rejectionReason).toBeNull()
  })

  it('lists with a status filter and a name search, paged', async () => {
    const admin = await adminDesk()
    const names = ['Square Hospital', 'Evercare Dhaka', 'Labaid Specialized', 'Square Cancer Centre']
    for (const name of names) await desk.call('hospitals.create', { ...CITY, name }, admin)
    const all = await desk.call('hospitals.list', {}, admin)
    expect(all.items.map((h) => h.name)).toEqual([
      'Evercare Dhaka',
      'Labaid Specialized',
      'Square Cancer Centre',
      'Square Hospital',
    ])
    const square = await desk.call('hospitals.list', { search: 'square' }, admin)
    expect(square.total).toBe(2)
    await desk.call('hospitals.approve', { id: all.items[0]!.id }, admin)
    const approved = await desk.call('hospitals.list', { status: 'approved' }, admin)
    expect(approved.items.map((h) => h.name)).toEqual(['Evercare Dhaka'])
    const page = await desk.call('hospitals.list', { limit: 2, offset: 2 }, admin)
    expect(page).toMatchObject({ total: 4 })
    expect(page.items.map((h) => h.name)).toEqual(['Square Cancer Centre', 'Square Hospital'])
    // A LIKE wildcard typed by the user is a character, not a wildcard.
    expect((await desk.call('hospitals.list', { search: '%' }, admin)).total).toBe(0)
  })

  it('updates fields, clears optional ones with null, and keeps the rest', async () => {
    const admin = await adminDesk()
    const h = await desk.call('hospitals.create', CITY, admin)
    const updated = await desk.call(
      'hospitals.update',
      { id: h.id, phone: '02-9661551', website: null, facilities: ['ICU', 'Blood bank'] },
      admin,
    )
    expect(updated).toMatchObject({
      name: CITY.name,
      phone: '+88029661551',
      website: null,
      facilities: ['ICU', 'Blood bank'],
      specialties: CITY.specialties,
    })
  })

  it('validates every field, naming it, and writes nothing', async () => {
    const admin = await adminDesk()
    await desk.call('hospitals.create', CITY, admin)
    const before = tableCounts(desk)
    const bad: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ address: undefined }, 'address'],
      [{ phone: 'call me' }, 'phone'],
      [{ email: 'not-an-email' }, 'email'],
      [{ website: 'ftp://files.example' }, 'website'],
      [{ specialties: 'Cardiology' }, 'specialties'],
      [{ specialties: ['ICU', 'icu'] }, 'specialties'],
      [{ facilities: [''] }, 'facilities.0'],
      [{ operatingHours: { someday: '9-5' } }, 'operatingHours.someday'],
      [{ operatingHours: ['9-5'] }, 'operatingHours'],
      [{ emergencyContact: '12' }, 'emergencyContact'],
      [{ licenseNumber: '<script>' }, 'licenseNumber'],
      [{ status: 'approved' }, 'status'],
    ]
    for (const [patch, field] of bad) {
      await expectFailure(
        desk.raw('hospitals.create', { ...CITY, name: 'Other', ...patch }, admin),
        'VALIDATION',
        field,
      )
    }
    await expectFailure(desk.raw('hospitals.create', CITY, admin), 'VALIDATION', 'name')
    await expectFailure(desk.raw('hospitals.update', { id: 999, name: 'Nope' }, admin), 'NOT_FOUND')
    await expectFailure(desk.raw('hospitals.approve', { id: 0 }, admin), 'VALIDATION', 'id')
    expect(tableCounts(desk)).toEqual(before)
  })

  it('is the admin’s: front desk and authorities cannot touch hospitals, and see only approved ones', async () => {
    const admin = await adminDesk()
    const a = await desk.call('hospitals.create', { ...CITY, name: 'Approved General' }, admin)
    const p = await desk.call('hospitals.create', { ...CITY, name: 'Pending General' }, admin)
    const own = await desk.call('hospitals.create', { ...CITY, name: 'Own Pending' }, admin)
    await desk.call('hospitals.approve', { id: a.id }, admin)
    await desk.call(
      'users.create',
      { name: 'Rafiq Desk', email: 'desk@x.org', password: 'front-desk-123', role: 'user' },
      admin,
    )
    await desk.call(
      'users.create',
      {
        name: 'Nusrat Authority',
        email: 'auth@x.org',
        password: 'authority-123',
        role: 'hospital-authority',
        hospitalId: own.id,
      },
      admin,
    )
    const frontDesk = await desk.login('desk@x.org', 'front-desk-123')
    const authority = await desk.login('auth@x.org', 'authority-123')
    const before = tableCounts(desk)
    for (const token of [frontDesk, authority]) {
      await expectFailure(desk.raw('hospitals.create', { ...CITY, name: 'Sneaky' }, token), 'FORBIDDEN')
      await expectFailure(desk.raw('hospitals.update', { id: a.id, name: 'Renamed' }, token), 'FORBIDDEN')
      await expectFailure(desk.raw('hospitals.approve', { id: p.id }, token), 'FORBIDDEN')
      await expectFailure(desk.raw('hospitals.reject', { id: p.id, reason: 'no' }, token), 'FORBIDDEN')
      await expectFailure(desk.raw('hospitals.suspend', { id: a.id }, token), 'FORBIDDEN')
      await expectFailure(desk.raw('hospitals.get', { id: p.id }, token), 'NOT_FOUND')
    }
    await expectFailure(desk.raw('hospitals.list', {}, null), 'UNAUTHENTICATED')
    expect((await desk.call('hospitals.list', {}, frontDesk)).items.map((h) => h.name)).toEqual([
      'Approved General',
    ])
    expect((await desk.call('hospitals.list', {}, authority)).items.map((h) => h.name)).toEqual([
      'Approved General',
      'Own Pending',
    ])
    expect((await desk.call('hospitals.get', { id: own.id }, authority)).name).toBe('Own Pending')
    expect(tableCounts(desk)).toEqual(before)
  })
})
