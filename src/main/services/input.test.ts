/**
 * Items 1–6 of the hardening issue: bad input that got through or broke, each tried through the
 * real dispatcher on a real SQLite file, each refused naming its field and changing nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput } from '../../../test/bookingFixtures'
import { addBooking } from '../../../test/moneyFixtures'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { normalisePhone, writtenPhone } from '../../shared/phone'

let desk: TestDesk
let clock: Date
let hospital: number
let frontDesk: Awaited<ReturnType<typeof addStaff>>
let authority: Awaited<ReturnType<typeof addStaff>>
let admin: string

beforeEach(async () => {
  clock = new Date('2026-11-29T09:00:00.000Z')
  desk = makeDesk({ now: () => clock })
  admin = await desk.adminToken()
  hospital = addHospital(desk)
  frontDesk = await addStaff(desk, 'user', hospital)
  authority = await addStaff(desk, 'hospital-authority', hospital)
})
afterEach(() => desk.close())

describe('item 1: a NUL in a name search', () => {
  it('is refused naming the field, not answered INTERNAL', async () => {
    await desk.call('bookings.create', bookingInput(hospital, clock), frontDesk.token)
    for (const search of ['ab\u0000', '\u0000\u0000\u0000', 'Rah\u0000im'])
      await expectFailure(desk.raw('bookings.list', { search }, frontDesk.token), 'VALIDATION', 'search')
    expect((await desk.call('bookings.list', { search: 'Rahim' }, frontDesk.token)).total).toBe(1)
  })

  it('keeps the FTS query well-formed whatever reaches it', async () => {
    const { searchSql } = await import('./bookings')
    for (const s of searchSql('ab\u0000c"', { clauses: [], params: [] }))
      expect(() => desk.db.prepare(s.sql).all(...s.params)).not.toThrow()
  })
})

describe('item 2: text no person types', () => {
  const bad: [string, string][] = [
    ['\u0000', 'control'],
    ['\u200b\u200b\u200b', 'only zero-width characters'],
    ['Rahim\u0007', 'a control character'],
    ['Ra\ud800him', 'a lone surrogate'],
    ['Rahim\nUddin', 'a line break in a one-line field'],
    ['\u202eRahim', 'a direction override'],
    ['Ra\ue000him', 'a private-use character'],
  ]
  it.each(bad)('refuses a patient name with %j (%s), changing nothing', async (patientName) => {
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('bookings.create', bookingInput(hospital, clock, { patientName }), frontDesk.token),
      'VALIDATION',
      'patientName',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('takes lines where a field holds lines, stores NFC, and keeps Bangla’s joiners', async () => {
    const name = 'র\u200d্যাব মোহাম্মদ'.normalize('NFD')
    const created = await desk.call(
      'bookings.create',
      bookingInput(hospital, clock, { patientName: name, medicalCondition: 'Fever\r\nCough for 3 days' }),
      frontDesk.token,
    )
    expect(created.patientName).toBe(name.normalize('NFC'))
    expect(created.medicalCondition).toBe('Fever\nCough for 3 days')
    const declined = await desk.call(
      'bookings.decline',
      { id: created.id, declineReason: 'No bed tonight.\nTry Sylhet General.' },
      authority.token,
    )
    expect(declined.declineReason).toBe('No bed tonight.\nTry Sylhet General.')
    await expectFailure(
      desk.raw('hospitals.create', { name: '\u200b', address: 'Dhaka', phone: '01711223344' }, admin),
      'VALIDATION',
      'name',
    )
    await expectFailure(
      desk.raw('wallet.deposit', { amount: 100, description: 'float\u0000' }, frontDesk.token),
      'VALIDATION',
      'description',
    )
  })
})

describe('item 3: dates without bounds', () => {
  it('refuses a price from year 9999, so later prices still work', async () => {
    for (const effectiveFrom of ['9999-12-31T23:59:00+00:00', '9999-12-31T23:59:00-00:01'])
      await expectFailure(
        desk.raw(
          'pricing.set',
          { hospitalId: hospital, resourceType: 'beds', basePrice: 0, pricePerDay: 150000, effectiveFrom },
          admin,
        ),
        'VALIDATION',
        'effectiveFrom',
      )
    // Six years ahead: a real date, but not one a price can mean.
    const far = await expectFailure(
      desk.raw(
        'pricing.set',
        {
          hospitalId: hospital,
          resourceType: 'beds',
          basePrice: 0,
          pricePerDay: 150000,
          effectiveFrom: '2032-12-01T00:00:00Z',
        },
        admin,
      ),
      'VALIDATION',
      'effectiveFrom',
    )
    expect(far.message).toMatch(/within 5 years/)
    await desk.call(
      'pricing.set',
      { hospitalId: hospital, resourceType: 'beds', basePrice: 0, pricePerDay: 150000 },
      admin,
    )
    expect(desk.db.prepare('SELECT COUNT(*) FROM hospital_pricing').pluck().get()).toBe(1)
  })

  it('refuses a blood request required by year 10000, or more than a year ahead', async () => {
    const blood = {
      patientName: 'Rahim',
      bloodType: 'O+' as const,
      unitsNeeded: 2,
      contactPhone: '01711223344',
      location: 'Dhaka Medical, Ward 5',
    }
    for (const requiredBy of ['+010000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '2028-01-01T00:00:00Z'])
      await expectFailure(
        desk.raw('blood.create', { ...blood, requiredBy }, frontDesk.token),
        'VALIDATION',
        'requiredBy',
      )
    await expectFailure(
      desk.raw('blood.create', { ...blood, requiredBy: '2027-02-30T00:00:00Z' }, frontDesk.token),
      'VALIDATION',
      'requiredBy',
    )
    const ok = await desk.call(
      'blood.create',
      { ...blood, requiredBy: '2026-12-01T00:00:00Z' },
      frontDesk.token,
    )
    expect(ok.requiredBy).toBe('2026-12-01T00:00:00.000Z')
  })

  it('refuses a booking more than a year ahead', async () => {
    await expectFailure(
      desk.raw(
        'bookings.create',
        bookingInput(hospital, clock, { scheduledDate: '2027-12-30T09:00:00Z' }),
        frontDesk.token,
      ),
      'VALIDATION',
      'scheduledDate',
    )
  })
})

describe('item 4: phone numbers', () => {
  it('refuses what is no number, naming the field', async () => {
    for (const emergencyContactPhone of ['0      0', '0------0', '+0000000', '01711', '+880 1711 22334455'])
      await expectFailure(
        desk.raw(
          'bookings.create',
          bookingInput(hospital, clock, { emergencyContactPhone }),
          frontDesk.token,
        ),
        'VALIDATION',
        'emergencyContactPhone',
      )
  })

  it('stores E.164, shows it formatted, and finds it however it is typed', async () => {
    const created = await desk.call(
      'bookings.create',
      bookingInput(hospital, clock, { emergencyContactPhone: '০১৭১১-২২৩৩৪৪' }),
      frontDesk.token,
    )
    expect(created.emergencyContactPhone).toBe('+8801711223344')
    expect(writtenPhone(created.emergencyContactPhone)).toBe('01711-223344')
    expect(writtenPhone('+442079460958')).toBe('+44 20 7946 0958')
    expect(normalisePhone('02-9661551')).toBe('+88029661551')
    for (const search of ['01711223344', '01711-223344', '+880 1711 223344', '8801711', '01711', '1711 22'])
      expect((await desk.call('bookings.list', { search }, frontDesk.token)).total, search).toBe(1)
    expect((await desk.call('bookings.list', { search: '01811' }, frontDesk.token)).total).toBe(0)
  })
})

describe('item 5: one rule for every date range', () => {
  it('refuses from after to in payments, audit and bookings alike', async () => {
    const range = { from: '2026-11-29T00:00:00Z', to: '2026-11-01T00:00:00Z' }
    await expectFailure(desk.raw('payments.list', range, admin), 'VALIDATION', 'to')
    await expectFailure(desk.raw('audit.list', range, admin), 'VALIDATION', 'to')
    await expectFailure(
      desk.raw('bookings.list', { scheduledFrom: range.from, scheduledTo: range.to }, admin),
      'VALIDATION',
      'scheduledTo',
    )
    expect((await desk.call('payments.list', { from: range.to, to: range.from }, admin)).total).toBe(0)
  })
})

describe('item 6: a cash payment with a gateway reference', () => {
  it('is refused naming the field instead of dropping it', async () => {
    const booking = addBooking(desk, { hospitalId: hospital, userId: frontDesk.id, status: 'admitted' })
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw(
        'payments.record',
        { bookingId: booking, amount: 50000, paymentMethod: 'cash', gatewayTransactionId: 'TRX-991' },
        frontDesk.token,
      ),
      'VALIDATION',
      'gatewayTransactionId',
    )
    expect(tableCounts(desk)).toEqual(before)
  })
})
