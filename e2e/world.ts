/**
 * A small hospital network for the screen-wide specs: one approved hospital with resources, one
 * pending, a front desk and an authority, bookings in every state of the queue, payments, a blood
 * request and cash in the drawer. Built through the API (the specs are about screens, not set-up).
 *
 * The world is written once; what it is called comes in as words, so the Bangla walk builds the
 * same world with Bangla names. Specs that need only part of it (a hospital and its staff, without
 * the day's bookings) take the pieces: setUpAdmin, openHospital, registerPending, addStaff.
 */
import { ADMIN, type ServedDesk } from './fixtures'

export const PASSWORD = 'desk-password-42'

type Person = { name: string; email: string }
type Place = { name: string; address: string; phone: string }

/** Everything in the world a person reads: names, places, reasons, notes. */
export interface WorldWords {
  admin: Person & { password: string }
  deskUser: Person
  authority: Person
  hospital: Place
  pending: Place
  /** Why the opening resource counts were set (the audit trail shows it). */
  openingReason: string
  /** In queue order of the day: high (overdue), critical (ICU), medium (to admit), low (admitted). */
  patients: readonly [string, string, string, string]
  condition: string
  contact: { name: string; phone: string; relationship: string }
  openingFloat: string
  bloodLocation: string
}

export const ENGLISH: WorldWords = {
  admin: ADMIN,
  deskUser: { name: 'Rina Akter', email: 'rina@rapidcare.test' },
  authority: { name: 'Dr. Kamal Hossain', email: 'kamal@rapidcare.test' },
  hospital: {
    name: 'Dhaka Medical College Hospital',
    address: 'Secretariat Road, Dhaka',
    phone: '+88029550001',
  },
  pending: { name: 'Chattogram Eye Infirmary', address: 'Agrabad, Chattogram', phone: '+880 2 4478 1234' },
  openingReason: 'Opening count',
  patients: ['Rahima Khatun', 'Abdul Karim', 'Jamal Uddin', 'Sultana Razia'],
  condition: 'Observation after a fall',
  contact: { name: 'Fatema Begum', phone: '01711-223344', relationship: 'Sister' },
  openingFloat: 'Opening float',
  bloodLocation: 'Ward 3, bed 12',
}

export const DESK_USER = ENGLISH.deskUser
export const AUTHORITY = ENGLISH.authority

/** The first administrator, signed in: its token. */
export async function setUpAdmin(desk: ServedDesk, words: WorldWords = ENGLISH): Promise<string> {
  await desk.api('auth.setupAdmin', { ...words.admin, setupCode: desk.setupCode })
  return await login(desk, words.admin.email, words.admin.password)
}

async function login(desk: ServedDesk, email: string, password = PASSWORD): Promise<string> {
  return (await desk.api<{ token: string }>('auth.login', { email, password })).token
}

/** The approved hospital, open for bookings: 10 beds, 4 ICU beds, 2 theatres, each priced. */
export async function openHospital(desk: ServedDesk, admin: string, words: WorldWords = ENGLISH) {
  const h = await desk.api<{ id: number }>('hospitals.create', words.hospital, admin)
  await desk.api('hospitals.approve', { id: h.id }, admin)
  for (const [resourceType, total] of [
    ['beds', 10],
    ['icu', 4],
    ['operationTheatres', 2],
  ] as const) {
    await desk.api(
      'resources.update',
      { hospitalId: h.id, resourceType, total, maintenance: 0, reason: words.openingReason },
      admin,
    )
  }
  for (const resourceType of ['beds', 'icu', 'operationTheatres'] as const) {
    await desk.api(
      'pricing.set',
      { hospitalId: h.id, resourceType, basePrice: 50_000, pricePerDay: 250_000 },
      admin,
    )
  }
  return h.id
}

/** A second hospital, registered and still waiting for the administrator's review. */
export async function registerPending(desk: ServedDesk, admin: string, words: WorldWords = ENGLISH) {
  return (await desk.api<{ id: number }>('hospitals.create', words.pending, admin)).id
}

/** The hospital's front desk and authority, signed in: their tokens. */
export async function addStaff(
  desk: ServedDesk,
  admin: string,
  hospitalId: number,
  words: WorldWords = ENGLISH,
) {
  for (const [who, role] of [
    [words.deskUser, 'user'],
    [words.authority, 'hospital-authority'],
  ] as const) {
    await desk.api('users.create', { ...who, password: PASSWORD, role, hospitalId }, admin)
  }
  return { rina: await login(desk, words.deskUser.email), kamal: await login(desk, words.authority.email) }
}

export async function buildWorld(desk: ServedDesk, words: WorldWords = ENGLISH) {
  const admin = await setUpAdmin(desk, words)
  const hospitalId = await openHospital(desk, admin, words)
  await registerPending(desk, admin, words)
  const { rina, kamal } = await addStaff(desk, admin, hospitalId, words)
  const book = async (patientName: string, urgency: string, hoursFromNow: number, resourceType = 'beds') =>
    await desk.api<{ id: number; bookingReference: string }>(
      'bookings.create',
      {
        hospitalId,
        resourceType,
        patientName,
        patientAge: 47,
        patientGender: 'female',
        medicalCondition: words.condition,
        urgency,
        emergencyContactName: words.contact.name,
        emergencyContactPhone: words.contact.phone,
        emergencyContactRelationship: words.contact.relationship,
        scheduledDate: new Date(Date.now() + hoursFromNow * 3600_000).toISOString(),
      },
      rina,
    )
  const [overdue, critical, approved, admittedName] = words.patients
  await book(overdue, 'high', -0.4)
  await book(critical, 'critical', 2, 'icu')
  const toAdmit = await book(approved, 'medium', 1)
  const admitted = await book(admittedName, 'low', 0.5)
  await desk.api('bookings.approve', { id: toAdmit.id }, kamal)
  await desk.api('bookings.approve', { id: admitted.id }, kamal)
  await desk.api('bookings.admit', { id: admitted.id }, rina)
  await desk.api('wallet.deposit', { amount: 50_000, description: words.openingFloat }, rina)
  await desk.api('payments.record', { bookingId: admitted.id, amount: 120_000, paymentMethod: 'cash' }, rina)
  await desk.api(
    'payments.record',
    { bookingId: toAdmit.id, amount: 80_000, paymentMethod: 'card', gatewayTransactionId: 'SLIP-42' },
    rina,
  )
  await desk.api(
    'blood.create',
    {
      hospitalId,
      bloodType: 'O+',
      unitsNeeded: 2,
      urgency: 'high',
      patientName: admittedName,
      contactPhone: words.contact.phone,
      location: words.bloodLocation,
      requiredBy: new Date(Date.now() + 24 * 3600_000).toISOString(),
    },
    rina,
  )
  return { admin, rina, kamal, hospitalId }
}
