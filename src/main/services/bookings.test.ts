import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BookingDetail } from '../../shared/contract/bookings'
import type { SearchQuery } from './bookings'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { addHospital, addStaff, bookingInput, counts, resourceCounts } from '../../../test/bookingFixtures'

let clock = new Date('2026-03-10T08:00:00.000Z')
let desk: TestDesk
let hospitalId: number
let desk1: { id: number; token: string }
let authority: { id: number; token: string }

beforeEach(async () => {
  clock = new Date('2026-03-10T08:00:00.000Z')
  desk = makeDesk({ now: () => clock })
  await desk.adminToken()
  hospitalId = addHospital(desk, { beds: counts(3), icu: counts(1) })
  desk1 = await addStaff(desk, 'user', null, 'Rina Akter')
  authority = await addStaff(desk, 'hospital-authority', hospitalId, 'Dr. Kamal Hossain')
})

afterEach(() => desk.close())

function create(over: Parameters<typeof bookingInput>[2] = {}, token = desk1.token): Promise<BookingDetail> {
  return desk.call('bookings.create', bookingInput(hospitalId, clock, over), token)
}

function auditRows(): {
  action: string
  oldValues: string
  newValues: string
  changedBy: number
  reason: string
}[] {
  return desk.db.prepare('SELECT * FROM resource_audit_log ORDER BY id').all() as never
}

describe('bookings.create', () => {
  it('registers a pending booking with its reference, its first history row and a notification', async () => {
    const b = await create()
    expect(b.status).toBe('pending')
    expect(b.bookingReference).toBe('RC-2026-000001')
    expect(b.userId).toBe(desk1.id)
    expect(b.hospitalName).toBe('Dhaka Medical College Hospital')
    expect(b.estimatedDuration).toBe(48)
    expect(b.history).toMatchObject([
      { oldStatus: null, newStatus: 'pending', changedBy: desk1.id, changedByName: 'Rina Akter' },
    ])
    expect(b.notifications).toMatchObject([
      { type: 'booking_submitted', userId: desk1.id, isRead: false },
      { type: 'booking_submitted', userId: authority.id, isRead: false },
    ])
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3))
    expect((await create()).bookingReference).toBe('RC-2026-000002')
  })

  it('defaults urgency to medium and duration to 24 hours', async () => {
    const input = bookingInput(hospitalId, clock)
    delete input.urgency
    delete input.estimatedDuration
    const b = await desk.call('bookings.create', input, desk1.token)
    expect(b.urgency).toBe('medium')
    expect(b.estimatedDuration).toBe(24)
  })

  it('numbers references sequentially within each year, starting again in a new year', async () => {
    clock = new Date('2026-12-31T10:00:00.000Z')
    await create()
    await create()
    clock = new Date(2027, 0, 1, 12)
    const b = await create()
    expect(b.bookingReference).toBe('RC-2027-000001')
    clock = new Date('2026-12-31T11:00:00.000Z')
    expect((await create()).bookingReference).toBe('RC-2026-000003')
  })

  it('takes the signed-in user as the creator and refuses a userId in the input', async () => {
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('bookings.create', { ...bookingInput(hospitalId, clock), userId: authority.id }, desk1.token),
      'VALIDATION',
      'userId',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  const bad: [string, Record<string, unknown>][] = [
    ['hospitalId', { hospitalId: 0 }],
    ['hospitalId', { hospitalId: 'one' }],
    ['resourceType', { resourceType: 'ward' }],
    ['patientName', { patientName: '   ' }],
    ['patientName', { patientName: 'x'.repeat(121) }],
    ['patientAge', { patientAge: -1 }],
    ['patientAge', { patientAge: 151 }],
    ['patientAge', { patientAge: 30.5 }],
    ['patientAge', { patientAge: '30' }],
    ['patientGender', { patientGender: 'unknown' }],
    ['medicalCondition', { medicalCondition: '' }],
    ['urgency', { urgency: 'urgent' }],
    ['emergencyContactName', { emergencyContactName: '' }],
    ['emergencyContactPhone', { emergencyContactPhone: 'call me' }],
    ['emergencyContactRelationship', { emergencyContactRelationship: '' }],
    ['scheduledDate', { scheduledDate: 'tomorrow' }],
    ['scheduledDate', { scheduledDate: '2026-03-09T07:59:00.000Z' }],
    ['scheduledDate', { scheduledDate: '2027-03-10T08:01:00.000Z' }],
    ['estimatedDuration', { estimatedDuration: 0 }],
    ['estimatedDuration', { estimatedDuration: 8761 }],
  ]
  it.each(bad)('refuses a bad %s, naming it, and writes nothing', async (field, over) => {
    const before = tableCounts(desk)
    const error = await expectFailure(
      desk.raw('bookings.create', { ...bookingInput(hospitalId, clock), ...over }, desk1.token),
      'VALIDATION',
      field,
    )
    expect(error.message).toMatch(new RegExp(`^${field}: `))
    expect(tableCounts(desk)).toEqual(before)
  })

  it('accepts the edges: age 0 and 150, 24 hours ago, a year ahead, 1 and 8760 hours', async () => {
    await create({ patientAge: 0, estimatedDuration: 1, scheduledDate: '2026-03-09T08:00:00.000Z' })
    await create({ patientAge: 150, estimatedDuration: 8760, scheduledDate: '2027-03-10T08:00:00.000Z' })
  })

  it('stores the scheduled time as a UTC instant, whatever offset it came with', async () => {
    const b = await create({ scheduledDate: '2026-03-10T20:00:00+06:00' })
    expect(b.scheduledDate).toBe('2026-03-10T14:00:00.000Z')
  })

  it('books only at an approved hospital that has the resource', async () => {
    const pending = addHospital(desk, { name: 'Not Yet Approved', status: 'pending' })
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('bookings.create', bookingInput(pending, clock), desk1.token),
      'CONFLICT',
      'hospitalId',
    )
    await expectFailure(
      desk.raw('bookings.create', bookingInput(9999, clock), desk1.token),
      'NOT_FOUND',
      'hospitalId',
    )
    desk.db
      .prepare(`DELETE FROM hospital_resources WHERE hospitalId = ? AND resourceType = 'icu'`)
      .run(hospitalId)
    await expectFailure(
      desk.raw('bookings.create', bookingInput(hospitalId, clock, { resourceType: 'icu' }), desk1.token),
      'VALIDATION',
      'resourceType',
    )
    expect({ ...tableCounts(desk), hospital_resources: before.hospital_resources }).toEqual(before)
  })

  it('is the front desk’s: authorities and admins may not register bookings', async () => {
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('bookings.create', bookingInput(hospitalId, clock), authority.token),
      'FORBIDDEN',
    )
    await expectFailure(
      desk.raw('bookings.create', bookingInput(hospitalId, clock), await desk.adminToken()),
      'FORBIDDEN',
    )
    await expectFailure(desk.raw('bookings.create', bookingInput(hospitalId, clock)), 'UNAUTHENTICATED')
    expect(tableCounts(desk)).toEqual(before)
  })

  it('keeps a front desk tied to a hospital to that hospital', async () => {
    const other = addHospital(desk, { name: 'Chittagong General' })
    const tied = await addStaff(desk, 'user', other)
    const before = tableCounts(desk)
    await expectFailure(desk.raw('bookings.create', bookingInput(hospitalId, clock), tied.token), 'FORBIDDEN')
    expect(tableCounts(desk)).toEqual(before)
    const ok = await desk.call('bookings.create', bookingInput(other, clock), tied.token)
    expect(ok.hospitalId).toBe(other)
  })
})

describe('the lifecycle', () => {
  it('pending → approved → admitted → completed moves one bed through reserved and occupied', async () => {
    const b = await create()
    const approved = await desk.call(
      'bookings.approve',
      { id: b.id, authorityNotes: 'Ward 4, bed 12' },
      authority.token,
    )
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: authority.id,
      approvedAt: clock.toISOString(),
    })
    expect(approved.authorityNotes).toBe('Ward 4, bed 12')
    expect(approved.approvedByName).toBe('Dr. Kamal Hossain')
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3, { reserved: 1 }))
    expect(approved.resource).toEqual(counts(3, { reserved: 1 }))

    const admitted = await desk.call('bookings.admit', { id: b.id }, desk1.token)
    expect(admitted.status).toBe('admitted')
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3, { occupied: 1 }))

    const done = await desk.call('bookings.discharge', { id: b.id, notes: 'Stable' }, authority.token)
    expect(done.status).toBe('completed')
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3))

    expect(done.history.map((h) => [h.oldStatus, h.newStatus, h.changedBy])).toEqual([
      [null, 'pending', desk1.id],
      ['pending', 'approved', authority.id],
      ['approved', 'admitted', desk1.id],
      ['admitted', 'completed', authority.id],
    ])
    expect(done.history[1]!.notes).toBe('Ward 4, bed 12')
    expect(done.notifications.map((n) => [n.type, n.userId])).toEqual([
      ['booking_submitted', desk1.id],
      ['booking_submitted', authority.id],
      ['booking_approved', desk1.id],
      ['booking_admitted', desk1.id],
      ['booking_completed', desk1.id],
    ])
    const audit = auditRows()
    expect(audit.map((a) => [a.action, a.changedBy])).toEqual([
      ['allocate', authority.id],
      ['allocate', desk1.id],
      ['release', authority.id],
    ])
    expect(JSON.parse(audit[0]!.oldValues)).toEqual(counts(3))
    expect(JSON.parse(audit[0]!.newValues)).toEqual(counts(3, { reserved: 1 }))
    expect(audit[0]!.reason).toBe('RC-2026-000001 approved')
  })

  it('declining needs a reason, keeps it, and leaves the counts alone', async () => {
    const b = await create()
    await expectFailure(
      desk.raw('bookings.decline', { id: b.id }, authority.token),
      'VALIDATION',
      'declineReason',
    )
    const d = await desk.call(
      'bookings.decline',
      { id: b.id, declineReason: 'No cardiologist this week' },
      authority.token,
    )
    expect(d.status).toBe('declined')
    expect(d.declineReason).toBe('No cardiologist this week')
    expect(d.approvedBy).toBeNull()
    expect(d.history.at(-1)).toMatchObject({
      oldStatus: 'pending',
      newStatus: 'declined',
      reason: 'No cardiologist this week',
    })
    expect(d.notifications.at(-1)).toMatchObject({ type: 'booking_declined', userId: desk1.id })
    expect(d.notifications.at(-1)!.message).toContain('No cardiologist this week')
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3))
    expect(auditRows()).toHaveLength(0)
  })

  it('cancelling a pending booking frees nothing; cancelling an approved one frees its reserved bed', async () => {
    const a = await create()
    const c = await desk.call(
      'bookings.cancel',
      { id: a.id, reason: 'Family chose another hospital' },
      desk1.token,
    )
    expect(c.status).toBe('cancelled')
    expect(c.history.at(-1)).toMatchObject({ reason: 'Family chose another hospital' })
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3))

    const b = await create()
    await desk.call('bookings.approve', { id: b.id }, authority.token)
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3, { reserved: 1 }))
    await desk.call('bookings.cancel', { id: b.id, reason: 'Patient recovered' }, desk1.token)
    expect(resourceCounts(desk, hospitalId)).toEqual(counts(3))
    expect(auditRows().map((r) => r.action)).toEqual(['allocate', 'release'])
    await expectFailure(desk.raw('bookings.cancel', { id: b.id }, desk1.token), 'VALIDATION', 'reason')
  })

  it('never gives the last bed twice: approval with nothing available is a CONFLICT that writes nothing', async () => {
    const [a, b] = [await create({ resourceType: 'icu' }), await create({ resourceType: 'icu' })]
    await desk.call('bookings.approve', { id: a.id }, authority.token)
    expect(resourceCounts(desk, hospitalId, 'icu')).toEqual(counts(1, { reserved: 1 }))
    const before = tableCounts(desk)
    const error = await expectFailure(desk.raw('bookings.approve', { id: b.id }, authority.token), 'CONFLICT')
    expect(error.message).toBe(
      'No ICU bed is available at Dhaka Medical College Hospital right now, so RC-2026-000002 cannot be approved.',
    )
    expect(tableCounts(desk)).toEqual(before)
    expect((await desk.call('bookings.get', { id: b.id }, authority.token)).status).toBe('pending')
    // Once the first is discharged, the bed is free again.
    await desk.call('bookings.admit', { id: a.id }, desk1.token)
    await desk.call('bookings.discharge', { id: a.id }, authority.token)
    expect((await desk.call('bookings.approve', { id: b.id }, authority.token)).status).toBe('approved')
  })

  it('refuses every transition the lifecycle does not have, naming the current status, and writes nothing', async () => {
    const ids: Record<string, number> = {}
    for (const s of ['pending', 'approved', 'admitted', 'completed', 'declined', 'cancelled']) {
      const b = await create()
      ids[s] = b.id
      if (s === 'approved' || s === 'admitted' || s === 'completed')
        await desk.call('bookings.approve', { id: b.id }, authority.token)
      if (s === 'admitted' || s === 'completed') await desk.call('bookings.admit', { id: b.id }, desk1.token)
      if (s === 'completed') await desk.call('bookings.discharge', { id: b.id }, authority.token)
      if (s === 'declined')
        await desk.call('bookings.decline', { id: b.id, declineReason: 'Full' }, authority.token)
      if (s === 'cancelled') await desk.call('bookings.cancel', { id: b.id, reason: 'Gone' }, desk1.token)
    }
    const allowed: Record<string, string[]> = {
      approve: ['pending'],
      decline: ['pending'],
      admit: ['approved'],
      discharge: ['admitted'],
      cancel: ['pending', 'approved'],
    }
    const extra: Record<string, object> = { decline: { declineReason: 'x' }, cancel: { reason: 'x' } }
    const who: Record<string, string> = {
      approve: authority.token,
      decline: authority.token,
      discharge: authority.token,
      admit: desk1.token,
      cancel: desk1.token,
    }
    for (const [verb, from] of Object.entries(allowed)) {
      for (const [status, id] of Object.entries(ids)) {
        if (from.includes(status)) continue
        const before = tableCounts(desk)
        const beds = resourceCounts(desk, hospitalId)
        const error = await expectFailure(
          desk.raw(`bookings.${verb}`, { id, ...extra[verb] }, who[verb]),
          'CONFLICT',
        )
        expect(error.message).toContain(`is ${status}`)
        expect(error.details).toMatchObject({ status })
        expect(tableCounts(desk)).toEqual(before)
        expect(resourceCounts(desk, hospitalId)).toEqual(beds)
      }
    }
  })

  it('answers NOT_FOUND for a booking that does not exist', async () => {
    await expectFailure(desk.raw('bookings.approve', { id: 424242 }, authority.token), 'NOT_FOUND')
    await expectFailure(desk.raw('bookings.get', { id: 424242 }, desk1.token), 'NOT_FOUND')
  })

  it('lets only that hospital’s authority (or an admin) decide, and only the front desk admit and cancel', async () => {
    const other = addHospital(desk, { name: 'Chittagong General' })
    const otherAuthority = await addStaff(desk, 'hospital-authority', other)
    const untied = await addStaff(desk, 'hospital-authority', null)
    const tiedDesk = await addStaff(desk, 'user', other)
    const b = await create()
    const before = tableCounts(desk)
    await expectFailure(desk.raw('bookings.approve', { id: b.id }, desk1.token), 'FORBIDDEN')
    await expectFailure(desk.raw('bookings.approve', { id: b.id }, otherAuthority.token), 'FORBIDDEN')
    await expectFailure(desk.raw('bookings.approve', { id: b.id }, untied.token), 'FORBIDDEN')
    await expectFailure(
      desk.raw('bookings.decline', { id: b.id, declineReason: 'x' }, otherAuthority.token),
      'FORBIDDEN',
    )
    await expectFailure(desk.raw('bookings.cancel', { id: b.id, reason: 'x' }, authority.token), 'FORBIDDEN')
    await expectFailure(desk.raw('bookings.cancel', { id: b.id, reason: 'x' }, tiedDesk.token), 'FORBIDDEN')
    await expectFailure(desk.raw('bookings.get', { id: b.id }, otherAuthority.token), 'FORBIDDEN')
    await expectFailure(desk.raw('bookings.get', { id: b.id }, tiedDesk.token), 'FORBIDDEN')
    expect(tableCounts(desk)).toEqual(before)

    const admin = await desk.adminToken()
    await desk.call('bookings.approve', { id: b.id }, admin)
    await expectFailure(desk.raw('bookings.admit', { id: b.id }, authority.token), 'FORBIDDEN')
    await expectFailure(desk.raw('bookings.admit', { id: b.id }, tiedDesk.token), 'FORBIDDEN')
    await desk.call('bookings.admit', { id: b.id }, desk1.token)
    await expectFailure(desk.raw('bookings.discharge', { id: b.id }, desk1.token), 'FORBIDDEN')
    await desk.call('bookings.discharge', { id: b.id }, admin)
  })

  it('refuses to reserve at a hospital that is no longer approved', async () => {
    const b = await create()
    desk.db.prepare(`UPDATE hospitals SET status = 'suspended' WHERE id = ?`).run(hospitalId)
    const before = tableCounts(desk)
    await expectFailure(desk.raw('bookings.approve', { id: b.id }, authority.token), 'CONFLICT')
    expect(tableCounts(desk)).toEqual(before)
  })
})

describe('bookings.list', () => {
  it('is the queue: critical first, then by scheduled time, paged with the total', async () => {
    const at = (h: number) => new Date(clock.getTime() + h * 3600_000).toISOString()
    await create({ patientName: 'Low later', urgency: 'low', scheduledDate: at(5) })
    await create({ patientName: 'Critical later', urgency: 'critical', scheduledDate: at(9) })
    await create({ patientName: 'Medium soon', urgency: 'medium', scheduledDate: at(1) })
    await create({ patientName: 'Critical soon', urgency: 'critical', scheduledDate: at(2) })
    await create({ patientName: 'High', urgency: 'high', scheduledDate: at(3) })
    const page1 = await desk.call('bookings.list', { status: 'pending', limit: 3 }, authority.token)
    expect(page1.items.map((b) => b.patientName)).toEqual(['Critical soon', 'Critical later', 'High'])
    expect(page1.total).toBe(5)
    expect(page1.capped).toBe(false)
    const page2 = await desk.call(
      'bookings.list',
      { status: 'pending', limit: 3, offset: 3 },
      authority.token,
    )
    expect(page2.items.map((b) => b.patientName)).toEqual(['Medium soon', 'Low later'])
  })

  it('filters by status, urgency, resource type and scheduled range', async () => {
    const a = await create({ urgency: 'critical', resourceType: 'icu' })
    await create({ urgency: 'low', scheduledDate: '2026-03-12T08:00:00.000Z' })
    await desk.call('bookings.approve', { id: a.id }, authority.token)
    const list = (input: object) => desk.call('bookings.list', input, desk1.token).then((r) => r.total)
    expect(await list({})).toBe(2)
    expect(await list({ status: 'approved' })).toBe(1)
    expect(await list({ urgency: 'low' })).toBe(1)
    expect(await list({ resourceType: 'icu' })).toBe(1)
    expect(await list({ scheduledFrom: '2026-03-11T00:00:00Z' })).toBe(1)
    expect(await list({ scheduledTo: '2026-03-11T00:00:00+06:00' })).toBe(1)
    expect(await list({ hospitalId })).toBe(2)
  })

  it('shows an authority, and a tied front desk, only their own hospital', async () => {
    const other = addHospital(desk, { name: 'Chittagong General' })
    const otherAuthority = await addStaff(desk, 'hospital-authority', other)
    await create()
    await desk.call('bookings.create', bookingInput(other, clock), desk1.token)
    expect((await desk.call('bookings.list', {}, authority.token)).items.map((b) => b.hospitalId)).toEqual([
      hospitalId,
    ])
    expect(
      (await desk.call('bookings.list', {}, otherAuthority.token)).items.map((b) => b.hospitalId),
    ).toEqual([other])
    expect((await desk.call('bookings.list', {}, desk1.token)).total).toBe(2)
    await expectFailure(
      desk.raw('bookings.list', { hospitalId: other }, authority.token),
      'FORBIDDEN',
      'hospitalId',
    )
  })

  it('finds by reference, by the contact’s phone, and by any part of the name in either script', async () => {
    await create({ patientName: 'Nusrat Jahan Chowdhury', emergencyContactPhone: '01711-223344' })
    await create({ patientName: 'মোহাম্মদ রহিম উদ্দিন', emergencyContactPhone: '+880 1819 556677' })
    await create({ patientName: 'Abdul Karim', emergencyContactPhone: '01911000111' })
    const find = async (search: string) =>
      (await desk.call('bookings.list', { search }, desk1.token)).items.map((b) => b.patientName).sort()
    expect(await find('RC-2026-000002')).toEqual(['মোহাম্মদ রহিম উদ্দিন'])
    expect(await find('rc-2026-00000')).toHaveLength(3)
    expect(await find('01711223344')).toEqual(['Nusrat Jahan Chowdhury'])
    expect(await find('+8801819556677')).toEqual(['মোহাম্মদ রহিম উদ্দিন'])
    expect(await find('+880 1819')).toEqual(['মোহাম্মদ রহিম উদ্দিন'])
    expect(await find('jahan')).toEqual(['Nusrat Jahan Chowdhury'])
    expect(await find('han chow')).toEqual(['Nusrat Jahan Chowdhury'])
    expect(await find('রহিম')).toEqual(['মোহাম্মদ রহিম উদ্দিন'])
    expect(await find('হিম উ')).toEqual(['মোহাম্মদ রহিম উদ্দিন'])
    // Bangla typed in decomposed form still finds the composed name.
    expect(await find('মোহাম্মদ'.normalize('NFD'))).toEqual(['মোহাম্মদ রহিম উদ্দিন'])
    expect(await find('ri')).toEqual(['Abdul Karim'])
    expect(await find('K')).toEqual(['Abdul Karim'])
    expect(await find('ah')).toEqual(['Nusrat Jahan Chowdhury'])
    expect(await find('zzz')).toEqual([])
    expect(await find('50% "quoted"')).toEqual([])
  })

  it('combines a search with the filters and the actor’s scope', async () => {
    const other = addHospital(desk, { name: 'Chittagong General' })
    await create({ patientName: 'Abdul Karim' })
    await desk.call(
      'bookings.create',
      bookingInput(other, clock, { patientName: 'Abdul Karim Sarkar' }),
      desk1.token,
    )
    expect((await desk.call('bookings.list', { search: 'karim' }, desk1.token)).total).toBe(2)
    expect((await desk.call('bookings.list', { search: 'karim' }, authority.token)).total).toBe(1)
    expect(
      (await desk.call('bookings.list', { search: 'karim', status: 'approved' }, desk1.token)).total,
    ).toBe(0)
  })

  it('caps a search’s count at 1000 matches and says so', async () => {
    const insert = desk.db.prepare(
      `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
         emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate, bookingReference)
       VALUES (?, ?, 'beds', ?, 40, 'female', 'Fever', 'X', '01700000000', 'Sister', ?, ?)`,
    )
    desk.db.transaction(() => {
      for (let i = 1; i <= 1005; i++)
        insert.run(
          desk1.id,
          hospitalId,
          `Fatema Begum ${i}`,
          clock.toISOString(),
          `RC-2025-${String(i).padStart(6, '0')}`,
        )
    })()
    const r = await desk.call('bookings.list', { search: 'begum', limit: 10 }, desk1.token)
    expect(r).toMatchObject({ total: 1000, capped: true })
    expect(r.items).toHaveLength(10)
    // Newest first, whether past the cap or not.
    expect(r.items[0]!.patientName).toBe('Fatema Begum 1005')
    const few = await desk.call('bookings.list', { search: 'Begum 100', limit: 3, offset: 1 }, desk1.token)
    expect(few.total).toBe(7) // 100, 1000–1005
    expect(few.items.map((b) => b.patientName)).toEqual([
      'Fatema Begum 1004',
      'Fatema Begum 1003',
      'Fatema Begum 1002',
    ])
    expect((await desk.call('bookings.list', { search: 'Begum 1004' }, desk1.token)).total).toBe(1)
    // Past the cap, the text's few matches and the sound's many are merged newest first: বেগম
    // sounds like every Begum (over the cap), and only the text finds it inside আলবেগম.
    desk.db.transaction(() => {
      insert.run(desk1.id, hospitalId, 'রোকেয়া বেগম', clock.toISOString(), 'RC-2025-001006')
      insert.run(desk1.id, hospitalId, 'আলবেগম খাতুন', clock.toISOString(), 'RC-2025-001007')
      insert.run(desk1.id, hospitalId, 'Fatema Begum 1008', clock.toISOString(), 'RC-2025-001008')
    })()
    const merged = await desk.call('bookings.list', { search: 'বেগম', limit: 4 }, desk1.token)
    expect(merged).toMatchObject({ total: 1000, capped: true })
    expect(merged.items.map((b) => b.patientName)).toEqual([
      'Fatema Begum 1008',
      'আলবেগম খাতুন',
      'রোকেয়া বেগম',
      'Fatema Begum 1005',
    ])
  })
})

describe('the name index', () => {
  it('follows inserts, deletes, renames and moves between hospitals, each hospital apart', async () => {
    const other = addHospital(desk, { name: 'Chittagong General' })
    const b = await create({ patientName: 'Shahana Parvin' })
    const count = (search: string, token = desk1.token) =>
      desk.call('bookings.list', { search }, token).then((r) => r.total)
    expect(await count('hana Par', authority.token)).toBe(1)
    expect(await count('shahana', authority.token)).toBe(1)
    expect(await count('শাহানা', authority.token)).toBe(1)
    desk.db
      .prepare('UPDATE bookings SET patientName = ?, hospitalId = ? WHERE id = ?')
      .run('Shahnaz Begum', other, b.id)
    expect(await count('hana Par')).toBe(0)
    expect(await count('hnaz')).toBe(1)
    expect(await count('hnaz', authority.token)).toBe(0)
    expect(await count('শাহনাজ', authority.token)).toBe(0)
    expect(await count('শাহনাজ')).toBe(1)
    desk.db.prepare('DELETE FROM booking_notifications WHERE bookingId = ?').run(b.id)
    desk.db.exec('DROP TRIGGER booking_status_history_no_delete')
    desk.db.prepare('DELETE FROM bookings WHERE id = ?').run(b.id)
    expect(await count('hnaz')).toBe(0)
    expect(await count('শাহনাজ')).toBe(0)
    expect(
      desk.db.prepare(`INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('integrity-check')`).run(),
    ).toBeTruthy()
  })

  it('keeps a hospital’s words apart from another hospital’s whose id begins the same', async () => {
    // Hospital 1's words must not be read as hospital 12's ("1" + "2g…" against "12" + "g…").
    const { nameTokens } = await import('./nameIndex')
    const words = (h: number) => new Set(nameTokens(h, 'Rahim Uddin').split(' '))
    const [one, twelve, two] = [1, 12, 2].map(words)
    const shared = (a: Set<string>, b: Set<string>) => [...a].filter((w) => /^\d/.test(w) && b.has(w))
    expect(shared(one!, twelve!)).toEqual([])
    expect(shared(twelve!, two!)).toEqual([])
    // And every hospital shares the words of the search across hospitals.
    expect([...one!].filter((w) => /^[gk]/.test(w) && twelve!.has(w)).length).toBeGreaterThan(10)
    expect(nameTokens(1, 'ab"c')).toMatch(/^[0-9a-z .]+$/)
  })
})

describe('query plans at scale', () => {
  // Prove with EXPLAIN QUERY PLAN, not a stopwatch, that each query of the desk's hot path is
  // answered from an index: no full scan of bookings, no sort of all of a hospital's bookings.
  function plan(sql: string, ...params: unknown[]): string {
    return (desk.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n')
  }

  it('the queue page reads one hospital’s pending bookings in queue order from an index', async () => {
    const { QUEUE_ORDER_SQL } = await import('./bookings')
    const p = plan(
      `SELECT * FROM bookings WHERE hospitalId = ? AND status = ? ORDER BY ${QUEUE_ORDER_SQL} LIMIT 50`,
      1,
      'pending',
    )
    expect(p).toContain('USING INDEX idx_bookings_queue')
    expect(p).not.toMatch(/TEMP B-TREE|SCAN bookings/)
    const all = plan(
      `SELECT * FROM bookings WHERE status = ? ORDER BY ${QUEUE_ORDER_SQL} LIMIT 50`,
      'pending',
    )
    expect(all).toContain('USING INDEX idx_bookings_status_queue')
    expect(all).not.toMatch(/TEMP B-TREE|SCAN bookings/)
  })

  it('reference, phone and name searches each read their index, newest first, without a sort', async () => {
    const { searchSql } = await import('./bookings')
    const none = { clauses: [], params: [] }
    const scoped = { clauses: ['hospitalId = ?', 'status = ?'], params: [1, 'pending'] }
    const oneHospital = { hospitalId: 1, clauses: ['hospitalId = ?'], params: [1] }
    const oneHospitalPending = {
      hospitalId: 1,
      clauses: ['hospitalId = ?', 'status = ?'],
      params: [1, 'pending'],
    }
    for (const where of [none, scoped, oneHospital, oneHospitalPending]) {
      const page = (queries: SearchQuery[]) =>
        queries
          .map(
            (s) =>
              plan(`${s.sql} ORDER BY ${s.order} LIMIT 50`, ...s.params) +
              plan(`${s.sql} ORDER BY ${s.ascending} LIMIT 1001`, ...s.params),
          )
          .join('\n')
      const ref = searchSql('RC-2026-000123', where)
      expect(page(ref)).toMatch(
        /SEARCH b USING (COVERING )?INDEX (sqlite_autoindex_bookings_1|idx_bookings_reference)/,
      )
      const phone = searchSql('01711 223344', where)
      expect(page(phone)).toMatch(/SEARCH b USING (COVERING )?INDEX idx_bookings_phone/)
      const name = searchSql('রহিম', where)
      // The text and, apart, its sound; within one hospital, that hospital's own words.
      expect(name).toHaveLength(2)
      for (const q of name) expect(q.params[0]).toMatch('hospitalId' in where ? /^"1[gk]/ : /^"[gk]/)
      expect(page(name)).toMatch(/SCAN (f|bookings_name_fts) VIRTUAL TABLE INDEX/)
      if (where.clauses.length > ('hospitalId' in where ? 1 : 0))
        expect(page(name)).toMatch(/SEARCH b USING INTEGER PRIMARY KEY/)
      for (const s of [ref, phone, name]) {
        expect(page(s)).not.toMatch(/SCAN b\b|TEMP B-TREE/)
      }
    }
  })

  it('one character within one hospital reads only that hospital’s names; elsewhere, and two, the name index', async () => {
    const { searchSql } = await import('./bookings')
    for (const where of [
      { hospitalId: 1, clauses: ['hospitalId = ?'], params: [1] },
      { hospitalId: 1, clauses: ['hospitalId = ?', 'status = ?'], params: [1, 'pending'] },
    ]) {
      const [s, more] = searchSql('র', where)
      expect(more).toBeUndefined()
      const p = plan(`${s!.sql} ORDER BY ${s!.ascending} LIMIT 1001`, ...s!.params)
      expect(p).toMatch(/SEARCH b USING (COVERING )?INDEX idx_bookings_hospital_name \(hospitalId=\?\)/)
      expect(p).not.toMatch(/SCAN b\b/)
      const two = searchSql('রহ', where)
      expect(two).toHaveLength(1)
      expect(plan(`${two[0]!.sql} ORDER BY ${two[0]!.ascending} LIMIT 1001`, ...two[0]!.params)).toMatch(
        /SCAN (f|bookings_name_fts) VIRTUAL TABLE INDEX/,
      )
    }
    // Across every hospital one character is one word of the name index, not a read of every booking.
    const any = searchSql('র', { clauses: [], params: [] })
    expect(any).toHaveLength(1)
    expect(plan(`${any[0]!.sql} ORDER BY ${any[0]!.ascending} LIMIT 1001`, ...any[0]!.params)).toMatch(
      /SCAN (f|bookings_name_fts) VIRTUAL TABLE INDEX/,
    )
    // And it finds what a LIKE would: any part of the name, in either script, in this hospital only.
    const b = await create({ patientName: 'রহিম উদ্দিন' })
    const elsewhere = addHospital(desk, { name: 'Sylhet General' })
    const search = (text: string, hospitalId = b.hospitalId) =>
      desk.call('bookings.list', { search: text, hospitalId }, authority.token)
    for (const text of ['হি', 'ম উ', 'দ্দ', 'র'])
      expect((await search(text)).items.map((x) => x.id)).toContain(b.id)
    expect((await search('zq')).total).toBe(0)
    const admin = await desk.adminToken()
    for (const text of ['হি', 'দ', 'উ', 'R']) {
      const all = await desk.call('bookings.list', { search: text }, admin)
      expect(all.items.map((x) => x.patientName)).toEqual(
        (
          desk.db.prepare('SELECT patientName FROM bookings ORDER BY id DESC').pluck().all() as string[]
        ).filter((n) => n.toLowerCase().includes(text.toLowerCase())),
      )
    }
    expect((await desk.call('bookings.list', { search: 'ঢ' }, admin)).total).toBe(0)
    expect((await desk.call('bookings.list', { search: 'হি', hospitalId: elsewhere }, admin)).total).toBe(0)
  })

  it('the page of a search and the notifications list are read by key', () => {
    expect(
      plan(`SELECT * FROM bookings WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 50`, '[1]'),
    ).toMatch(/SEARCH bookings USING INTEGER PRIMARY KEY/)
    const n = plan(`SELECT * FROM booking_notifications n WHERE n.userId = ? ORDER BY n.id DESC LIMIT 50`, 1)
    expect(n).toMatch(/USING (COVERING )?INDEX idx_notifications_user/)
    expect(n).not.toMatch(/TEMP B-TREE/)
  })
})

describe('notifications', () => {
  it('tell every active authority of the hospital a booking arrives, in the same transaction, and no one else', async () => {
    const second = await addStaff(desk, 'hospital-authority', hospitalId, 'Dr. Nasrin Sultana')
    const away = await addStaff(desk, 'hospital-authority', hospitalId, 'Dr. Away')
    desk.db.prepare(`UPDATE users SET status = 'inactive' WHERE id = ?`).run(away.id)
    const elsewhere = await addStaff(
      desk,
      'hospital-authority',
      addHospital(desk, { name: 'Square Hospital' }),
    )
    const total = (token: string) => desk.call('notifications.list', {}, token).then((l) => l.total)

    const b = await create({ urgency: 'critical' })
    const [mine] = (await desk.call('notifications.list', {}, second.token)).items
    expect(mine).toMatchObject({
      type: 'booking_submitted',
      title: 'New booking to approve',
      bookingId: b.id,
    })
    expect(mine!.message).toBe(
      `${b.bookingReference}: ${b.patientName}, bed, urgency critical, registered by Rina Akter.`,
    )
    expect(await total(authority.token)).toBe(1)
    expect(await total(elsewhere.token)).toBe(0)
    // An inactive account is told nothing (its session is gone, and it decides nothing).
    expect(
      desk.db.prepare('SELECT COUNT(*) FROM booking_notifications WHERE userId = ?').pluck().get(away.id),
    ).toBe(0)

    // A refused booking leaves no notification behind.
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('bookings.create', { ...bookingInput(hospitalId, clock), resourceType: 'nope' }, desk1.token),
      'VALIDATION',
      'resourceType',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('lists the signed-in user’s own, newest first, with the unread count, and marks them read', async () => {
    const b = await create()
    await desk.call('bookings.approve', { id: b.id }, authority.token)
    await create()
    const list = await desk.call('notifications.list', {}, desk1.token)
    expect(list.unread).toBe(3)
    expect(list.total).toBe(3)
    expect(list.items.map((n) => n.type)).toEqual([
      'booking_submitted',
      'booking_approved',
      'booking_submitted',
    ])
    expect(list.items[1]!.bookingReference).toBe('RC-2026-000001')
    // The authority is told of each booking arriving in its queue (not of its own approval).
    const forAuthority = await desk.call('notifications.list', {}, authority.token)
    expect(forAuthority.unread).toBe(2)
    expect(forAuthority.items.map((n) => [n.type, n.title, n.bookingReference])).toEqual([
      ['booking_submitted', 'New booking to approve', 'RC-2026-000002'],
      ['booking_submitted', 'New booking to approve', 'RC-2026-000001'],
    ])
    expect(forAuthority.items[1]!.message).toContain(b.patientName)

    const other = await addStaff(desk, 'user')
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('notifications.markRead', { ids: [list.items[0]!.id] }, other.token),
      'NOT_FOUND',
      'ids',
    )
    await expectFailure(desk.raw('notifications.markRead', {}, desk1.token), 'VALIDATION', 'ids')
    await expectFailure(desk.raw('notifications.markRead', { ids: [] }, desk1.token), 'VALIDATION', 'ids')
    expect(tableCounts(desk)).toEqual(before)
    expect((await desk.call('notifications.list', {}, desk1.token)).unread).toBe(3)

    expect(await desk.call('notifications.markRead', { ids: [list.items[0]!.id] }, desk1.token)).toEqual({
      updated: 1,
      unread: 2,
    })
    const unreadOnly = await desk.call('notifications.list', { unreadOnly: true }, desk1.token)
    expect(unreadOnly.items).toHaveLength(2)
    expect(await desk.call('notifications.markRead', { all: true }, desk1.token)).toEqual({
      updated: 2,
      unread: 0,
    })
  })
})
