/**
 * What the money tests stand on: hospitals, staff accounts and bookings in a given state, inserted
 * with plain SQL. Registering hospitals and walking bookings through their lifecycle are other
 * areas' concerns; these tests are about what the desk charges, takes and gives back.
 */
import { hashPassword } from '../src/main/services/passwords'
import type { TestDesk } from './helpers'

export type BookingStatusForTest =
  'pending' | 'approved' | 'admitted' | 'completed' | 'cancelled' | 'declined'

export const STAFF_PASSWORD = 'desk-password-42'
const HASH = hashPassword(STAFF_PASSWORD)

export function addHospital(desk: TestDesk, name = 'Dhaka Medical College Hospital'): number {
  const { lastInsertRowid } = desk.db
    .prepare(
      `INSERT INTO hospitals (name, address, phone, status) VALUES (?, 'Secretariat Road, Dhaka', '+8802550000', 'approved')`,
    )
    .run(name)
  return Number(lastInsertRowid)
}

let seq = 0
export interface Staff {
  id: number
  token: string
  email: string
}

/** A staff account, signed in through the real dispatcher. */
export async function addStaff(
  desk: TestDesk,
  role: 'user' | 'hospital-authority' | 'admin',
  hospitalId: number | null = null,
  name = role === 'user' ? 'Rina Akter' : role === 'admin' ? 'Nasrin Sultana' : 'Dr. Kamal Hossain',
): Promise<Staff> {
  const email = `money.${role}.${++seq}@rapidcare.test`
  const { lastInsertRowid } = desk.db
    .prepare(
      `INSERT INTO users (name, email, password, role, hospitalId, status) VALUES (?, ?, ?, ?, ?, 'active')`,
    )
    .run(name, email, HASH, role, hospitalId)
  return { id: Number(lastInsertRowid), token: await desk.login(email, STAFF_PASSWORD), email }
}

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
      `RC-2025-${String(++seq).padStart(6, '0')}`,
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
