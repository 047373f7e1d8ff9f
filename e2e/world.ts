/**
 * A small hospital network for the screen-wide specs: one approved hospital with resources, one
 * pending, a front desk and an authority, bookings in every state of the queue, a payment, a blood
 * request and cash in the drawer. Built through the API (the specs are about screens, not set-up).
 */
import { seedAdmin, type ServedDesk } from './fixtures'

export const PASSWORD = 'desk-password-42'
export const DESK_USER = { name: 'Rina Akter', email: 'rina@rapidcare.test' }
export const AUTHORITY = { name: 'Dr. Kamal Hossain', email: 'kamal@rapidcare.test' }

export async function buildWorld(desk: ServedDesk) {
  const admin = await seedAdmin(desk)
  const h = await desk.api<{ id: number }>(
    'hospitals.create',
    { name: 'Dhaka Medical College Hospital', address: 'Secretariat Road, Dhaka', phone: '+88029550001' },
    admin,
  )
  await desk.api('hospitals.approve', { id: h.id }, admin)
  for (const [resourceType, total] of [
    ['beds', 10],
    ['icu', 4],
    ['operationTheatres', 2],
  ] as const) {
    await desk.api(
      'resources.update',
      { hospitalId: h.id, resourceType, total, maintenance: 0, reason: 'Opening count' },
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
  await desk.api(
    'hospitals.create',
    { name: 'Chattogram Eye Infirmary', address: 'Agrabad, Chattogram', phone: '+880 2 4478 1234' },
    admin,
  )
  for (const [who, role] of [
    [DESK_USER, 'user'],
    [AUTHORITY, 'hospital-authority'],
  ] as const) {
    await desk.api('users.create', { ...who, password: PASSWORD, role, hospitalId: h.id }, admin)
  }
  const login = async (email: string) =>
    (await desk.api<{ token: string }>('auth.login', { email, password: PASSWORD })).token
  const rina = await login(DESK_USER.email)
  const kamal = await login(AUTHORITY.email)
  const book = async (patientName: string, urgency: string, hoursFromNow: number, resourceType = 'beds') =>
    await desk.api<{ id: number; bookingReference: string }>(
      'bookings.create',
      {
        hospitalId: h.id,
        resourceType,
        patientName,
        patientAge: 47,
        patientGender: 'female',
        medicalCondition: 'Observation after a fall',
        urgency,
        emergencyContactName: 'Fatema Begum',
        emergencyContactPhone: '01711-223344',
        emergencyContactRelationship: 'Sister',
        scheduledDate: new Date(Date.now() + hoursFromNow * 3600_000).toISOString(),
      },
      rina,
    )
  await book('Rahima Khatun', 'high', -0.4)
  await book('Abdul Karim', 'critical', 2, 'icu')
  const toAdmit = await book('Jamal Uddin', 'medium', 1)
  const admitted = await book('Sultana Razia', 'low', 0.5)
  await desk.api('bookings.approve', { id: toAdmit.id }, kamal)
  await desk.api('bookings.approve', { id: admitted.id }, kamal)
  await desk.api('bookings.admit', { id: admitted.id }, rina)
  await desk.api('wallet.deposit', { amount: 50_000, description: 'Opening float' }, rina)
  await desk.api('payments.record', { bookingId: admitted.id, amount: 120_000, paymentMethod: 'cash' }, rina)
  await desk.api(
    'payments.record',
    { bookingId: toAdmit.id, amount: 80_000, paymentMethod: 'card', gatewayTransactionId: 'SLIP-42' },
    rina,
  )
  await desk.api(
    'blood.create',
    {
      hospitalId: h.id,
      bloodType: 'O+',
      unitsNeeded: 2,
      urgency: 'high',
      patientName: 'Sultana Razia',
      contactPhone: '01711-223344',
      location: 'Ward 3, bed 12',
      requiredBy: new Date(Date.now() + 24 * 3600_000).toISOString(),
    },
    rina,
  )
  return { admin, rina, kamal, hospitalId: h.id }
}
