import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { addHospital, addStaff } from '../../../test/moneyFixtures'
import type { ChannelInput } from '../../shared/contract'
import { expireBloodRequests } from './blood'

let desk: TestDesk
afterEach(() => desk?.close())

let clock = new Date('2025-03-01T06:00:00.000Z')
const now = () => clock
const hoursFromNow = (h: number) => new Date(clock.getTime() + h * 3_600_000).toISOString()

async function setup() {
  clock = new Date('2025-03-01T06:00:00.000Z')
  desk = makeDesk({ now })
  const admin = await desk.adminToken()
  const hospitalId = addHospital(desk)
  const other = addHospital(desk, 'Square Hospital')
  const reception = await addStaff(desk, 'user', hospitalId)
  const authority = await addStaff(desk, 'hospital-authority', hospitalId)
  return { admin, hospitalId, other, reception, authority }
}

const request = (over: Record<string, unknown> = {}): ChannelInput<'blood.create'> =>
  ({
    patientName: 'Salma Khatun',
    bloodType: 'O-',
    unitsNeeded: 2,
    urgency: 'high',
    contactPhone: '+880 1711-223344',
    location: 'Ward 5, Dhaka Medical College Hospital',
    medicalCondition: 'Post-partum haemorrhage',
    requiredBy: hoursFromNow(6),
    ...over,
  }) as ChannelInput<'blood.create'>

describe('blood.create', () => {
  it('creates an active request with every field', async () => {
    const { hospitalId, reception } = await setup()
    const r = await desk.call(
      'blood.create',
      { ...request(), hospitalId, notes: 'Family donors on the way' },
      reception.token,
    )
    expect(r).toMatchObject({
      patientName: 'Salma Khatun',
      bloodType: 'O-',
      unitsNeeded: 2,
      urgency: 'high',
      hospitalId,
      hospitalName: 'Dhaka Medical College Hospital',
      status: 'active',
      requiredBy: '2025-03-01T12:00:00.000Z',
      notes: 'Family donors on the way',
      requestedBy: 'Rina Akter',
      userId: reception.id,
    })
  })

  it('refuses bad requests, naming the field, and writes nothing', async () => {
    const { reception, authority, other } = await setup()
    const before = tableCounts(desk)
    const cases: [Record<string, unknown>, string][] = [
      [{ unitsNeeded: 0 }, 'unitsNeeded'],
      [{ unitsNeeded: 21 }, 'unitsNeeded'],
      [{ unitsNeeded: 1.5 }, 'unitsNeeded'],
      [{ bloodType: 'C+' }, 'bloodType'],
      [{ urgency: 'urgent' }, 'urgency'],
      [{ contactPhone: 'call me' }, 'contactPhone'],
      [{ patientName: ' ' }, 'patientName'],
      [{ location: '' }, 'location'],
      [{ requiredBy: hoursFromNow(-1) }, 'requiredBy'],
      [{ requiredBy: 'soon' }, 'requiredBy'],
      [{ hospitalId: 999 }, 'hospitalId'],
    ]
    for (const [change, field] of cases)
      await expectFailure(desk.raw('blood.create', request(change), reception.token), 'VALIDATION', field)
    await expectFailure(
      desk.raw('blood.create', request({ hospitalId: other }), authority.token),
      'FORBIDDEN',
    )
    // A front desk tied to its hospital cannot raise an appeal for another.
    await expectFailure(
      desk.raw('blood.create', request({ hospitalId: other }), reception.token),
      'FORBIDDEN',
    )
    expect(tableCounts(desk)).toEqual(before)
  })
})

describe('blood.list', () => {
  it('puts active requests first, by urgency then by when they are needed, and filters', async () => {
    const { hospitalId, other, reception, admin } = await setup()
    const make = async (over: Record<string, unknown>) =>
      (await desk.call('blood.create', request(over), reception.token)).id
    const lowSoon = await make({ urgency: 'low', requiredBy: hoursFromNow(1), hospitalId })
    const critLate = await make({ urgency: 'critical', requiredBy: hoursFromNow(48), bloodType: 'A+' })
    const critSoon = (
      await desk.call(
        'blood.create',
        request({ urgency: 'critical', requiredBy: hoursFromNow(2), hospitalId: other }),
        admin,
      )
    ).id
    // Nor close another hospital's appeal.
    await expectFailure(
      desk.raw('blood.update', { id: critSoon, status: 'cancelled' }, reception.token),
      'FORBIDDEN',
    )
    const highNoDate = await make({ urgency: 'high', requiredBy: undefined })
    const done = await make({ urgency: 'critical', requiredBy: hoursFromNow(3) })
    await desk.call('blood.update', { id: done, status: 'fulfilled' }, reception.token)

    const all = await desk.call('blood.list', {}, admin)
    expect(all.items.map((r) => r.id)).toEqual([critSoon, critLate, highNoDate, lowSoon, done])
    expect((await desk.call('blood.list', { bloodType: 'A+' }, admin)).items.map((r) => r.id)).toEqual([
      critLate,
    ])
    expect((await desk.call('blood.list', { hospitalId: other }, admin)).items.map((r) => r.id)).toEqual([
      critSoon,
    ])
    expect((await desk.call('blood.list', { status: 'fulfilled' }, admin)).items.map((r) => r.id)).toEqual([
      done,
    ])
    expect((await desk.call('blood.list', { urgency: 'low' }, admin)).total).toBe(1)
    const page2 = await desk.call('blood.list', { limit: 2, offset: 2 }, admin)
    expect([page2.items.map((r) => r.id), page2.total]).toEqual([[highNoDate, lowSoon], 5])
  })

  it('expires an active request once its requiredBy has passed, on read and by maintenance', async () => {
    const { reception, admin } = await setup()
    const soon = await desk.call('blood.create', request({ requiredBy: hoursFromNow(1) }), reception.token)
    const later = await desk.call('blood.create', request({ requiredBy: hoursFromNow(10) }), reception.token)
    const undated = await desk.call('blood.create', request({ requiredBy: undefined }), reception.token)
    clock = new Date(clock.getTime() + 2 * 3_600_000)
    const list = await desk.call('blood.list', {}, admin)
    const status = Object.fromEntries(list.items.map((r) => [r.id, r.status]))
    expect(status).toEqual({ [soon.id]: 'expired', [later.id]: 'active', [undated.id]: 'active' })

    // Maintenance calls the same function directly.
    expect(expireBloodRequests(desk.db, new Date('2025-03-01T15:00:00+06:00'))).toBe(0)
    expect(expireBloodRequests(desk.db, new Date('2025-03-02T00:00:00Z'))).toBe(1)
    expect(desk.db.prepare('SELECT status FROM blood_requests WHERE id = ?').pluck().get(later.id)).toBe(
      'expired',
    )
    expect(desk.db.prepare('SELECT status FROM blood_requests WHERE id = ?').pluck().get(undated.id)).toBe(
      'active',
    )
  })
})

describe('blood.update', () => {
  it('moves an active request to fulfilled or cancelled, once', async () => {
    const { reception, authority, hospitalId } = await setup()
    const a = await desk.call('blood.create', { ...request(), hospitalId }, reception.token)
    const b = await desk.call('blood.create', request(), reception.token)
    const done = await desk.call(
      'blood.update',
      { id: a.id, status: 'fulfilled', notes: '2 units from the blood bank' },
      authority.token,
    )
    expect(done).toMatchObject({
      status: 'fulfilled',
      notes: '2 units from the blood bank',
      updatedAt: clock.toISOString(),
    })
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('blood.update', { id: a.id, status: 'cancelled' }, reception.token),
      'CONFLICT',
      'status',
    )
    await expectFailure(
      desk.raw('blood.update', { id: b.id, status: 'active' }, reception.token),
      'VALIDATION',
      'status',
    )
    await expectFailure(
      desk.raw('blood.update', { id: b.id, status: 'expired' }, reception.token),
      'VALIDATION',
      'status',
    )
    await expectFailure(
      desk.raw('blood.update', { id: 999, status: 'cancelled' }, reception.token),
      'NOT_FOUND',
    )
    // b has no hospital: it is not this authority's to close.
    await expectFailure(
      desk.raw('blood.update', { id: b.id, status: 'cancelled' }, authority.token),
      'FORBIDDEN',
    )
    expect(tableCounts(desk)).toEqual(before)
    expect((await desk.call('blood.update', { id: b.id, status: 'cancelled' }, reception.token)).status).toBe(
      'cancelled',
    )
  })

  it('refuses to fulfil a request that has expired meanwhile', async () => {
    const { reception } = await setup()
    const r = await desk.call('blood.create', request({ requiredBy: hoursFromNow(1) }), reception.token)
    clock = new Date(clock.getTime() + 3_600_001)
    const err = await expectFailure(
      desk.raw('blood.update', { id: r.id, status: 'fulfilled' }, reception.token),
      'CONFLICT',
      'status',
    )
    expect(err.message).toMatch(/expired/)
  })
})
