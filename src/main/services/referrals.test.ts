import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BookingDetail } from '../../shared/contract/bookings'
import { addHospital, addStaff, bookingInput, counts, resourceCounts } from '../../../test/bookingFixtures'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'

let clock = new Date('2026-03-10T08:00:00.000Z')
let desk: TestDesk
let admin: string
let from: number
let to: number
let deskUser: { id: number; token: string }
let authFrom: { id: number; token: string }
let authTo: { id: number; token: string }

beforeEach(async () => {
  clock = new Date('2026-03-10T08:00:00.000Z')
  desk = makeDesk({ now: () => clock })
  admin = await desk.adminToken()
  from = addHospital(desk, { name: 'Dhaka Medical College Hospital', beds: counts(3), icu: counts(1) })
  // The target's last bed: a referral must not take it (the new booking waits for its authority).
  to = addHospital(desk, { name: 'Square Hospital', beds: counts(1), icu: counts(0) })
  deskUser = await addStaff(desk, 'user', from, 'Rina Akter')
  authFrom = await addStaff(desk, 'hospital-authority', from, 'Dr. Kamal Hossain')
  authTo = await addStaff(desk, 'hospital-authority', to, 'Dr. Nasrin Sultana')
})

afterEach(() => desk.close())

async function booking(status: 'pending' | 'approved' = 'approved'): Promise<BookingDetail> {
  const b = await desk.call('bookings.create', bookingInput(from, clock), deskUser.token)
  return status === 'approved' ? desk.call('bookings.approve', { id: b.id }, authFrom.token) : b
}

const refer = (id: number, token = authFrom.token, toHospitalId = to, reason = 'Needs a cath lab') =>
  desk.raw('bookings.refer', { id, toHospitalId, reason }, token)

describe('bookings.refer', () => {
  it('ends an approved booking, releasing its bed, and registers the patient pending at the other hospital', async () => {
    const original = await booking('approved')
    expect(resourceCounts(desk, from)).toEqual(counts(3, { reserved: 1 }))
    clock = new Date('2026-03-10T09:00:00.000Z')
    const { from: ended, to: created } = await desk.call(
      'bookings.refer',
      { id: original.id, toHospitalId: to, reason: 'Needs a cath lab' },
      authFrom.token,
    )
    expect(ended.status).toBe('declined')
    expect(ended.declineReason).toBe(
      `Referred to Square Hospital as ${created.bookingReference}: Needs a cath lab`,
    )
    expect(resourceCounts(desk, from)).toEqual(counts(3))
    // The target's last bed is untouched: the new booking is pending.
    expect(created).toMatchObject({
      status: 'pending',
      hospitalId: to,
      hospitalName: 'Square Hospital',
      patientName: original.patientName,
      medicalCondition: original.medicalCondition,
      urgency: original.urgency,
      emergencyContactPhone: original.emergencyContactPhone,
      resourceType: 'beds',
      userId: authFrom.id,
    })
    expect(resourceCounts(desk, to)).toEqual(counts(1))
    // Both histories name each other.
    expect(ended.history.at(-1)).toMatchObject({
      oldStatus: 'approved',
      newStatus: 'declined',
      changedBy: authFrom.id,
      reason: ended.declineReason,
    })
    expect(created.history).toMatchObject([
      {
        oldStatus: null,
        newStatus: 'pending',
        reason: `Referred from Dhaka Medical College Hospital (${original.bookingReference}): Needs a cath lab`,
      },
    ])
    // The link, from either side.
    const link = { reason: 'Needs a cath lab', referredBy: authFrom.id, referredByName: 'Dr. Kamal Hossain' }
    expect(ended.referredTo).toMatchObject({
      ...link,
      bookingId: created.id,
      bookingReference: created.bookingReference,
      hospitalName: 'Square Hospital',
    })
    expect(ended.referredFrom).toBeNull()
    const seenByTarget = await desk.call('bookings.get', { id: created.id }, authTo.token)
    expect(seenByTarget.referredFrom).toMatchObject({
      ...link,
      bookingId: original.id,
      bookingReference: original.bookingReference,
      hospitalName: 'Dhaka Medical College Hospital',
    })
    expect(seenByTarget.referredTo).toBeNull()
    // Both hospitals notified: the registering desk and the authority here, the authority there.
    const types = (d: BookingDetail) => d.notifications.map((n) => [n.userId, n.type, n.title])
    expect(types(ended)).toContainEqual([deskUser.id, 'booking_declined', 'Booking referred'])
    expect(types(ended)).toContainEqual([authFrom.id, 'booking_declined', 'Booking referred'])
    expect(types(seenByTarget)).toContainEqual([authTo.id, 'booking_submitted', 'Referral received'])
    // The resource audit row says why the bed came free.
    const audit = desk.db
      .prepare(`SELECT action, reason FROM resource_audit_log ORDER BY id DESC LIMIT 1`)
      .get()
    expect(audit).toEqual({
      action: 'release',
      reason: `${original.bookingReference} referred to Square Hospital`,
    })
  })

  it('refers a pending booking without touching any count, and the target’s queue shows it', async () => {
    const original = await booking('pending')
    const before = [resourceCounts(desk, from), resourceCounts(desk, to)]
    const env = await refer(original.id)
    expect(env.ok).toBe(true)
    expect([resourceCounts(desk, from), resourceCounts(desk, to)]).toEqual(before)
    const queue = await desk.call('bookings.list', { status: 'pending' }, authTo.token)
    expect(queue.items.map((b) => b.patientName)).toEqual([original.patientName])
    // The new booking is the target authority's to decide: approving it takes the last bed.
    const created = queue.items[0]!
    await desk.call('bookings.approve', { id: created.id }, authTo.token)
    expect(resourceCounts(desk, to)).toEqual(counts(1, { reserved: 1 }))
  })

  it('allows one referral a booking: a second is refused and changes nothing', async () => {
    const original = await booking()
    await refer(original.id)
    const third = addHospital(desk, { name: 'Popular Medical' })
    const before = tableCounts(desk)
    const error = await expectFailure(refer(original.id, authFrom.token, third), 'CONFLICT')
    expect(error.message).toMatch(/already referred to Square Hospital as RC-2026-000002/)
    expect(tableCounts(desk)).toEqual(before)
    // The database holds it too, whatever a service might do.
    expect(() =>
      desk.db
        .prepare(
          `INSERT INTO booking_referrals (fromBookingId, toBookingId, fromHospitalId, toHospitalId, reason, referredBy) VALUES (?, ?, ?, ?, 'x', ?)`,
        )
        .run(original.id, original.id, from, third, authFrom.id),
    ).toThrow(/UNIQUE/)
  })

  it('lets the new booking be referred on, and refuses a booking that has ended', async () => {
    const original = await booking()
    const created = (
      await desk.call(
        'bookings.refer',
        { id: original.id, toHospitalId: to, reason: 'Cath lab' },
        authFrom.token,
      )
    ).to
    const back = await desk.call(
      'bookings.refer',
      { id: created.id, toHospitalId: from, reason: 'Lab is down' },
      authTo.token,
    )
    expect(back.to.referredFrom?.bookingReference).toBe(created.bookingReference)
    const done = await booking('approved')
    await desk.call('bookings.cancel', { id: done.id, reason: 'Recovered' }, deskUser.token)
    await expectFailure(refer(done.id), 'CONFLICT')
  })

  it('lets the authority of the booking’s hospital and an admin refer; refuses the desk and other authorities', async () => {
    const b = await booking('pending')
    await expectFailure(refer(b.id, deskUser.token), 'FORBIDDEN')
    await expectFailure(
      refer(b.id, authTo.token, addHospital(desk, { name: 'Popular Medical' })),
      'FORBIDDEN',
    )
    const unattached = await addStaff(desk, 'hospital-authority', null, 'Dr. Nobody')
    await expectFailure(refer(b.id, unattached.token), 'FORBIDDEN')
    const byAdmin = await desk.call(
      'bookings.refer',
      { id: b.id, toHospitalId: to, reason: 'Admin moved it' },
      admin,
    )
    expect(byAdmin.to.status).toBe('pending')
  })

  it.each([
    [
      'a hospital that is not approved',
      'CONFLICT',
      () => addHospital(desk, { name: 'Suspended', status: 'suspended' }),
    ],
    ['an unknown hospital', 'NOT_FOUND', () => 999],
    ['the booking’s own hospital', 'VALIDATION', () => from],
  ])('refuses %s, naming toHospitalId, and changes nothing', async (_what, code, target) => {
    const b = await booking()
    const toHospitalId = target()
    const before = tableCounts(desk)
    const countsBefore = resourceCounts(desk, from)
    const error = await expectFailure(refer(b.id, authFrom.token, toHospitalId), code, 'toHospitalId')
    expect(error.message).toBeTruthy()
    expect(tableCounts(desk)).toEqual(before)
    expect(resourceCounts(desk, from)).toEqual(countsBefore)
  })

  it('refuses a target without that resource type, and bad input naming the field', async () => {
    const b = await booking()
    const noIcu = addHospital(desk, { name: 'Clinic' })
    desk.db
      .prepare(`DELETE FROM hospital_resources WHERE hospitalId = ? AND resourceType = 'beds'`)
      .run(noIcu)
    await expectFailure(refer(b.id, authFrom.token, noIcu), 'VALIDATION', 'toHospitalId')
    await expectFailure(
      desk.raw('bookings.refer', { id: b.id, toHospitalId: to, reason: '  ' }, authFrom.token),
      'VALIDATION',
      'reason',
    )
    await expectFailure(
      desk.raw('bookings.refer', { id: b.id, toHospitalId: 'two', reason: 'x' }, authFrom.token),
      'VALIDATION',
      'toHospitalId',
    )
    await expectFailure(
      desk.raw('bookings.refer', { id: 9999, toHospitalId: to, reason: 'x' }, authFrom.token),
      'NOT_FOUND',
    )
  })

  it('rolls back every step when any step fails', async () => {
    const b = await booking('approved')
    const before = tableCounts(desk)
    const fromCounts = resourceCounts(desk, from)
    // The link is written after the release, the new booking, both histories and the decline.
    desk.db.exec(
      `CREATE TEMP TRIGGER fail_referral BEFORE INSERT ON booking_referrals BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    )
    await expectFailure(refer(b.id), 'INTERNAL')
    desk.db.exec('DROP TRIGGER fail_referral')
    expect(tableCounts(desk)).toEqual(before)
    expect(resourceCounts(desk, from)).toEqual(fromCounts)
    const after = await desk.call('bookings.get', { id: b.id }, authFrom.token)
    expect(after.status).toBe('approved')
    expect(after.referredTo).toBeNull()
    // And it goes through once the fault is gone.
    expect((await refer(b.id)).ok).toBe(true)
  })
})
