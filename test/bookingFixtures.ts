/**
 * What the booking tests stand on: approved hospitals with their three resource rows, and staff
 * accounts (front desk, authority) signed in through the real dispatcher. Hospitals are inserted
 * with SQL here because registering them is another area's concern and not what these tests are about.
 */
import type { ChannelInput } from '../src/shared/contract'
import type { ResourceCounts } from '../src/main/services/resourceLedger'
import { hashPasswordSync } from '../src/main/services/passwords'
import type { TestDesk } from './helpers'

export const STAFF_PASSWORD = 'desk-password-42'
const HASH = hashPasswordSync(STAFF_PASSWORD)

export function counts(total: number, over: Partial<ResourceCounts> = {}): ResourceCounts {
  const c = { total, available: 0, occupied: 0, reserved: 0, maintenance: 0, ...over }
  c.available = over.available ?? total - c.occupied - c.reserved - c.maintenance
  return c
}

export function addHospital(
  desk: TestDesk,
  options: {
    name?: string
    status?: 'pending' | 'approved' | 'rejected' | 'suspended'
    beds?: ResourceCounts
    icu?: ResourceCounts
    operationTheatres?: ResourceCounts
  } = {},
): number {
  const db = desk.db
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO hospitals (name, address, phone, status) VALUES (?, 'Mirpur Road, Dhaka', '+8801711000000', ?)`,
    )
    .run(options.name ?? 'Dhaka Medical College Hospital', options.status ?? 'approved')
  const hospitalId = Number(lastInsertRowid)
  const insert = db.prepare(
    `INSERT INTO hospital_resources (hospitalId, resourceType, total, available, occupied, reserved, maintenance)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const type of ['beds', 'icu', 'operationTheatres'] as const) {
    const c = options[type] ?? counts(type === 'beds' ? 10 : 2)
    insert.run(hospitalId, type, c.total, c.available, c.occupied, c.reserved, c.maintenance)
  }
  return hospitalId
}

let seq = 0
/** A staff account, signed in; returns its id and token. */
export async function addStaff(
  desk: TestDesk,
  role: 'user' | 'hospital-authority' | 'admin',
  hospitalId: number | null = null,
  name = role === 'user' ? 'Rina Akter' : 'Dr. Kamal Hossain',
): Promise<{ id: number; token: string; email: string }> {
  const email = `${role}.${++seq}@rapidcare.test`
  const { lastInsertRowid } = desk.db
    .prepare(
      `INSERT INTO users (name, email, password, role, hospitalId, status) VALUES (?, ?, ?, ?, ?, 'active')`,
    )
    .run(name, email, HASH, role, hospitalId)
  return { id: Number(lastInsertRowid), token: await desk.login(email, STAFF_PASSWORD), email }
}

export function bookingInput(
  hospitalId: number,
  now: Date,
  over: Partial<ChannelInput<'bookings.create'>> = {},
): ChannelInput<'bookings.create'> {
  return {
    hospitalId,
    resourceType: 'beds',
    patientName: 'Mohammad Rahim Uddin',
    patientAge: 54,
    patientGender: 'male',
    medicalCondition: 'Chest pain, suspected angina',
    urgency: 'high',
    emergencyContactName: 'Fatema Begum',
    emergencyContactPhone: '+8801711223344',
    emergencyContactRelationship: 'Wife',
    scheduledDate: new Date(now.getTime() + 2 * 3600_000).toISOString(),
    estimatedDuration: 48,
    ...over,
  }
}

export function resourceCounts(desk: TestDesk, hospitalId: number, type = 'beds'): ResourceCounts {
  return desk.db
    .prepare(
      'SELECT total, available, occupied, reserved, maintenance FROM hospital_resources WHERE hospitalId = ? AND resourceType = ?',
    )
    .get(hospitalId, type) as ResourceCounts
}
