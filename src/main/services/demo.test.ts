import { afterEach, expect, it } from 'vitest'
import { expectFailure, makeDesk, type TestDesk } from '../../../test/helpers'
import { DEMO_DOMAIN, makeDemo } from './demo'
import { DeskError } from '../../shared/errors'

let desk: TestDesk
afterEach(() => desk?.close())

it('makes a consistent demo data set: counts match live bookings, every booking has its history', async () => {
  desk = makeDesk()
  const base = {
    db: desk.db,
    now: () => new Date(),
    client: { workstation: 't', userAgent: 't' },
    app: desk.app,
  }
  const result = makeDemo(base, { bookings: 3000, password: 'demo-password-1' })
  expect(result).toMatchObject({ hospitals: 50, approvedHospitals: 48, bookings: 3000 })
  for (const status of ['pending', 'approved', 'admitted', 'completed', 'declined', 'cancelled'] as const)
    expect(result.byStatus[status]).toBeGreaterThan(0)
  const db = desk.db
  const mismatched = db
    .prepare(
      `SELECT r.hospitalId, r.resourceType FROM hospital_resources r
        WHERE r.reserved != (SELECT COUNT(*) FROM bookings b WHERE b.hospitalId = r.hospitalId AND b.resourceType = r.resourceType AND b.status = 'approved')
           OR r.occupied != (SELECT COUNT(*) FROM bookings b WHERE b.hospitalId = r.hospitalId AND b.resourceType = r.resourceType AND b.status = 'admitted')`,
    )
    .all()
  expect(mismatched).toEqual([])
  const noHistory = db
    .prepare(
      `SELECT COUNT(*) FROM bookings b WHERE (SELECT newStatus FROM booking_status_history h WHERE h.bookingId = b.id ORDER BY h.id DESC LIMIT 1) IS NOT b.status`,
    )
    .pluck()
    .get()
  expect(noHistory).toBe(0)
  const refs = db.prepare('SELECT bookingReference FROM bookings ORDER BY id').pluck().all() as string[]
  expect(new Set(refs).size).toBe(refs.length)
  for (const r of refs) expect(r).toMatch(/^RC-\d{4}-\d{6}$/)
  const bangla = db
    .prepare(`SELECT COUNT(*) FROM bookings WHERE patientName GLOB '*[অ-ঽ]*'`)
    .pluck()
    .get() as number
  expect(bangla).toBeGreaterThan(600)
  // The demo accounts sign in with the password given, and a second run is refused.
  await desk.login(`authority.h01@${DEMO_DOMAIN}`, 'demo-password-1')
  expect(() => makeDemo(base, { bookings: 10 })).toThrow(DeskError)
  // A desk made from it keeps working: the next booking takes the next reference.
  const token = await desk.login(`desk1.h01@${DEMO_DOMAIN}`, 'demo-password-1')
  const hospitalId = db
    .prepare(`SELECT hospitalId FROM users WHERE email = ?`)
    .pluck()
    .get(`desk1.h01@${DEMO_DOMAIN}`)
  const year = new Date().getFullYear()
  const last = db
    .prepare(`SELECT max(bookingReference) FROM bookings WHERE bookingReference LIKE ?`)
    .pluck()
    .get(`RC-${year}-%`) as string
  const created = await desk.raw(
    'bookings.create',
    {
      hospitalId,
      resourceType: 'beds',
      patientName: 'Test Patient',
      patientAge: 30,
      patientGender: 'female',
      medicalCondition: 'Fever',
      emergencyContactName: 'X',
      emergencyContactPhone: '01711000000',
      emergencyContactRelationship: 'Sister',
      scheduledDate: new Date(Date.now() + 3600_000).toISOString(),
    },
    token,
  )
  expect(created.ok && (created.value as { bookingReference: string }).bookingReference).toBe(
    `RC-${year}-${String(Number(last.slice(8)) + 1).padStart(6, '0')}`,
  )
  await expectFailure(desk.raw('bookings.list', { hospitalId: hospitalId === 1 ? 2 : 1 }, token), 'FORBIDDEN')
  // Every approved hospital has a price for each resource, so the new booking is quoted at once.
  const unpriced = db
    .prepare(
      `SELECT COUNT(*) FROM hospitals h CROSS JOIN (SELECT 'beds' t UNION SELECT 'icu' UNION SELECT 'operationTheatres') r
        WHERE h.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM hospital_pricing p WHERE p.hospitalId = h.id AND p.resourceType = r.t)`,
    )
    .pluck()
    .get()
  expect(unpriced).toBe(0)
  const bookingId = created.ok ? (created.value as { id: number }).id : 0
  const quoted = await desk.call('pricing.quote', { bookingId }, token)
  expect(quoted.total).toBeGreaterThan(0)
})
