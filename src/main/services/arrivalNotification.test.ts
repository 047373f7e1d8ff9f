/** The authority's "new booking to approve", as main stores it, read back in Bangla by the notifications panel's words. */
import { afterEach, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput } from '../../../test/bookingFixtures'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { notificationMessage, notificationTitle } from '../../shared/i18n/notificationWords'

let desk: TestDesk
afterEach(() => desk.close())

it('reads in Bangla with the names and reference as written', async () => {
  desk = makeDesk()
  await desk.adminToken()
  const h = addHospital(desk, { name: 'Dhaka Medical College Hospital' })
  const reception = await addStaff(desk, 'user', h, 'Rina Akter')
  const authority = await addStaff(desk, 'hospital-authority', h)
  const b = await desk.call(
    'bookings.create',
    { ...bookingInput(h, new Date()), urgency: 'critical' },
    reception.token,
  )
  const [n] = (await desk.call('notifications.list', {}, authority.token)).items
  expect(notificationTitle(n!.title, 'bn')).toBe('অনুমোদনের জন্য নতুন বুকিং')
  expect(notificationMessage(n!.message, 'bn')).toBe(
    `${b.bookingReference}: ${b.patientName}, শয্যা, জরুরিতা সংকটাপন্ন, নিবন্ধন করেছেন Rina Akter।`,
  )
  expect(notificationMessage(n!.message, 'en')).toBe(n!.message)
})
