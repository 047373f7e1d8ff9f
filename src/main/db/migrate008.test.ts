/**
 * Migration 008 on a database that already holds bookings: nothing of theirs changes, the referral
 * link table arrives empty and append-only, and the report indexes are there.
 */
import { afterEach, expect, it } from 'vitest'
import { databaseBefore } from '../../../test/migrations'
import { migrate } from './migrate'
import type { DB } from './open'

let db: DB
afterEach(() => db?.close())

it('adds booking_referrals and the report indexes, leaving existing rows as they were', () => {
  const { db: opened, all } = databaseBefore(8)
  db = opened
  db.exec(`
    INSERT INTO hospitals (name, address, phone, status) VALUES ('A', 'Dhaka', '0123456789', 'approved'),
                                                              ('B', 'Dhaka', '0123456789', 'approved');
    INSERT INTO users (name, email, password) VALUES ('U', 'u@x.org', 'x');
    INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
      emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate, bookingReference)
    VALUES (1, 1, 'beds', 'P', 30, 'male', 'C', 'E', '017', 'R', '2026-01-01', 'RC-2026-000001'),
           (1, 2, 'beds', 'P', 30, 'male', 'C', 'E', '017', 'R', '2026-01-01', 'RC-2026-000002');
    INSERT INTO booking_status_history (bookingId, newStatus, changedAt) VALUES (1, 'pending', '2026-01-01T00:00:00.000Z');
  `)
  const before = db.prepare('SELECT * FROM bookings ORDER BY id').all()
  expect(
    migrate(
      db,
      all.filter((m) => m.number <= 8),
    ).applied,
  ).toEqual(['008_referrals_and_reports.sql'])
  expect(db.prepare('SELECT * FROM bookings ORDER BY id').all()).toEqual(before)
  expect(db.prepare('SELECT COUNT(*) FROM booking_referrals').pluck().get()).toBe(0)
  const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all()
  expect(indexes).toEqual(
    expect.arrayContaining([
      'idx_audit_resource_time',
      'idx_status_history_day',
      'idx_referrals_from_hospital',
      'idx_referrals_to_hospital',
    ]),
  )
  db.exec(
    `INSERT INTO booking_referrals (fromBookingId, toBookingId, fromHospitalId, toHospitalId, reason, referredBy)
     VALUES (1, 2, 1, 2, 'Cath lab', 1)`,
  )
  expect(() => db.exec(`UPDATE booking_referrals SET reason = 'x'`)).toThrow(/append-only/)
  expect(() => db.exec(`DELETE FROM booking_referrals`)).toThrow(/append-only/)
  // One hospital cannot refer to itself, and a booking is referred once.
  expect(() =>
    db.exec(
      `INSERT INTO booking_referrals (fromBookingId, toBookingId, fromHospitalId, toHospitalId, reason, referredBy) VALUES (2, 1, 1, 1, 'x', 1)`,
    ),
  ).toThrow(/CHECK/)
  expect(() =>
    db.exec(
      `INSERT INTO booking_referrals (fromBookingId, toBookingId, fromHospitalId, toHospitalId, reason, referredBy) VALUES (1, 1, 1, 2, 'x', 1)`,
    ),
  ).toThrow(/UNIQUE/)
})
