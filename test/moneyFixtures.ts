/**
 * What the money tests stand on: hospitals, staff accounts and bookings in a given state, inserted
 * with plain SQL. Registering hospitals and walking bookings through their lifecycle are other
 * areas' concerns; these tests are about what the desk charges, takes and gives back.
 */
import { addHospital as addApprovedHospital, addStaff } from './bookingFixtures'
import type { TestDesk } from './helpers'

export type BookingStatusForTest =
  'pending' | 'approved' | 'admitted' | 'completed' | 'cancelled' | 'declined'

export { STAFF_PASSWORD, addStaff } from './bookingFixtures'
export type Staff = Awaited<ReturnType<typeof addStaff>>

/** An approved hospital (with its resource rows, as every hospital has). */
export function addHospital(desk: TestDesk, name = 'Dhaka Medical College Hospital'): number {
  return addApprovedHospital(desk, { name })
}

let referenceSeq = 0

/**
 * A booking in `status`, with the history rows a real lifecycle leaves: admission and discharge
 * times are what the bill charges for.
 */
export function addBooking(
  desk: TestDesk,
  options: {
    hospitalId: number
    userId: number
    status?: BookingStatusForTest
    resourceType?: 'beds' | 'icu' | 'operationTheatres'
    urgency?: 'low' | 'medium' | 'high' | 'critical'
    scheduledDate?: string
    estimatedDuration?: number
    admittedAt?: string
    dischargedAt?: string
    patientName?: string
  },
): number {
  const db = desk.db
  const status = options.status ?? 'approved'
  const scheduled = options.scheduledDate ?? '2025-03-01T08:00:00.000Z'
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO bookings
         (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition, urgency,
          emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate,
          estimatedDuration, status, bookingReference, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 54, 'male', 'Chest pain', ?, 'Fatema Begum', '+8801711223344', 'Wife', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      options.userId,
      options.hospitalId,
      options.resourceType ?? 'beds',
      options.patientName ?? 'Mohammad Rahim Uddin',
      options.urgency ?? 'medium',
      scheduled,
      options.estimatedDuration ?? 24,
      status,
      `RC-2025-${String(++referenceSeq).padStart(6, '0')}`,
      scheduled,
      scheduled,
    )
  const id = Number(lastInsertRowid)
  const history = db.prepare(
    `INSERT INTO booking_status_history (bookingId, oldStatus, newStatus, changedBy, changedAt) VALUES (?, ?, ?, ?, ?)`,
  )
  history.run(id, null, 'pending', options.userId, scheduled)
  if (status === 'pending') return id
  if (status === 'declined') {
    history.run(id, 'pending', 'declined', options.userId, scheduled)
    return id
  }
  history.run(id, 'pending', 'approved', options.userId, scheduled)
  if (status === 'cancelled') history.run(id, 'approved', 'cancelled', options.userId, scheduled)
  if (status === 'admitted' || status === 'completed')
    history.run(id, 'approved', 'admitted', options.userId, options.admittedAt ?? scheduled)
  if (status === 'completed')
    history.run(id, 'admitted', 'completed', options.userId, options.dischargedAt ?? scheduled)
  return id
}

/** Set a booking's status the way its lifecycle would (for a test that changes it midway). */
export function setBookingStatus(desk: TestDesk, id: number, from: string, to: string, at: string): void {
  desk.db.prepare('UPDATE bookings SET status = ? WHERE id = ?').run(to, id)
  desk.db
    .prepare(
      `INSERT INTO booking_status_history (bookingId, oldStatus, newStatus, changedAt) VALUES (?, ?, ?, ?)`,
    )
    .run(id, from, to, at)
}
