/**
 * Migrations 013 and 014 on a database that already holds bookings: the name index is made again
 * from them, each hospital's names findable in that hospital only, and nothing of the bookings changes.
 */
import { afterEach, expect, it } from 'vitest'
import { databaseBefore } from '../../../test/migrations'
import { nameMatches } from '../services/nameIndex'
import { migrate } from './migrate'
import type { DB } from './open'

let db: DB
afterEach(() => db?.close())

it('rebuilds the name index from the bookings already there, per hospital, leaving them as they were', () => {
  const { db: opened, all } = databaseBefore(13)
  db = opened
  db.exec(`
    INSERT INTO hospitals (name, address, phone, status) VALUES ('A', 'Dhaka', '0123456789', 'approved'),
                                                              ('B', 'Dhaka', '0123456789', 'approved');
    INSERT INTO users (name, email, password) VALUES ('U', 'u@x.org', 'x');
    INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
      emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate, bookingReference)
    VALUES (1, 1, 'beds', 'রহিমা খাতুন', 30, 'female', 'C', 'E', '+8801711223344', 'R', '2026-01-01', 'RC-2026-000001'),
           (1, 2, 'beds', 'Rahima Begum', 30, 'female', 'C', 'E', '+8801711223344', 'R', '2026-01-01', 'RC-2026-000002'),
           (1, 2, 'beds', 'Abdul Karim', 30, 'male', 'C', 'E', '+8801711223344', 'R', '2026-01-01', 'RC-2026-000003');
  `)
  const before = db.prepare('SELECT * FROM bookings ORDER BY id').all()
  expect(migrate(db, all).applied).toEqual(['013_name_index_by_hospital.sql', '014_name_index_letters.sql'])
  expect(db.prepare('SELECT * FROM bookings ORDER BY id').all()).toEqual(before)
  const found = (text: string, hospitalId: number | null) =>
    [
      ...new Set(
        nameMatches(text, hospitalId).flatMap(
          (m) =>
            db
              .prepare('SELECT rowid FROM bookings_name_fts WHERE bookings_name_fts MATCH ? ORDER BY rowid')
              .pluck()
              .all(m) as number[],
        ),
      ),
    ].sort()
  expect(found('rahima', null)).toEqual([1, 2])
  expect(found('rahima', 1)).toEqual([1])
  expect(found('রহিমা', 2)).toEqual([2])
  expect(found('him', 2)).toEqual([2])
  expect(found('karim', 1)).toEqual([])
  expect(found('করিম', 2)).toEqual([3])
  // One character across every hospital (014); within one hospital the caller reads its names.
  expect(found('খ', null)).toEqual([1])
  expect(found('k', null)).toEqual([3])
  expect(found('z', null)).toEqual([])
  expect(nameMatches('খ', 1)).toEqual([])
  db.prepare(`INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('integrity-check')`).run()
})
