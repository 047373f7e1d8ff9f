/**
 * A receptionist on a Bangla keyboard types ০১৭১১-২২৩৩৪৪: both transports (the dispatcher the
 * Electron IPC handler calls, and browser mode's HTTP) accept it and store ASCII digits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput } from '../../../test/bookingFixtures'
import { expectFailure, makeDesk, type TestDesk } from '../../../test/helpers'
import { startHttpServer, type RunningServer } from './http'

let desk: TestDesk
let server: RunningServer

beforeEach(async () => {
  desk = makeDesk()
  server = await startHttpServer({ dispatcher: desk.dispatcher, staticDir: desk.dir, port: 0 })
})
afterEach(async () => {
  await server.close()
  desk.close()
})

/** The envelope as JSON: the fields these tests read. */
interface Reply {
  ok: boolean
  value: { id: number }
  error: { details: { field?: string } }
}

async function post(channel: string, body: unknown, token: string): Promise<Reply> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Reply
}

// 2026-12-31T10:00:00+06:00 with every digit in Bangla.
const BANGLA_DATE = '২০২৬-১২-৩১T১০:০০:০০+০৬:০০'

describe('Bangla digits in the contract', () => {
  it('a hospital phone typed in Bangla digits is stored in ASCII, over HTTP', async () => {
    const admin = await desk.adminToken()
    const env = await post(
      'hospitals.create',
      { name: 'রাজশাহী মেডিকেল কলেজ হাসপাতাল', address: 'Laxmipur, Rajshahi', phone: '০৭২১-৭৭২১৫০' },
      admin,
    )
    expect(env.ok).toBe(true)
    const stored = desk.db.prepare('SELECT phone FROM hospitals WHERE id = ?').pluck().get(env.value.id)
    expect(stored).toBe('+880721772150')
  })

  it('a booking’s emergency phone and date in Bangla digits are stored in ASCII, by both transports', async () => {
    const now = new Date('2026-12-30T10:00:00Z')
    desk.close()
    desk = makeDesk({ now: () => now })
    await server.close()
    server = await startHttpServer({ dispatcher: desk.dispatcher, staticDir: desk.dir, port: 0 })
    const hospitalId = addHospital(desk)
    const clerk = await addStaff(desk, 'user', hospitalId)
    const input = bookingInput(hospitalId, now, {
      emergencyContactPhone: '০১৭১১-২২৩৩৪৪',
      scheduledDate: BANGLA_DATE,
    })
    const viaHttp = await post('bookings.create', input, clerk.token)
    expect(viaHttp.ok).toBe(true)
    const viaIpc = await desk.call('bookings.create', input, clerk.token)
    for (const bookingId of [viaHttp.value.id, viaIpc.id]) {
      const row = desk.db
        .prepare('SELECT emergencyContactPhone, scheduledDate FROM bookings WHERE id = ?')
        .get(bookingId) as { emergencyContactPhone: string; scheduledDate: string }
      expect(row.emergencyContactPhone).toBe('+8801711223344')
      expect(new Date(row.scheduledDate).toISOString()).toBe('2026-12-31T04:00:00.000Z')
      expect(row.scheduledDate).not.toMatch(/[০-৯]/)
    }
    // The same phone, searched in Bangla digits, finds both.
    const found = await desk.call('bookings.list', { search: '০১৭১১২২৩৩৪৪' }, clerk.token)
    expect(found.total).toBe(2)
  })

  it('a blood request’s contact phone in Bangla digits is stored in ASCII', async () => {
    const hospitalId = addHospital(desk)
    const clerk = await addStaff(desk, 'user', hospitalId)
    const env = await post(
      'blood.create',
      {
        patientName: 'রহিমা খাতুন',
        bloodType: 'O+',
        unitsNeeded: 2,
        contactPhone: '০১৮১৯ ৫৫৫ ১২৩',
        location: 'Ward 4',
      },
      clerk.token,
    )
    expect(env.ok).toBe(true)
    const stored = desk.db.prepare('SELECT contactPhone FROM blood_requests').pluck().get()
    expect(stored).toBe('+8801819555123')
  })

  it('numbers stay JSON numbers: an age sent as a string of Bangla digits is refused naming the field', async () => {
    const now = new Date()
    const hospitalId = addHospital(desk)
    const clerk = await addStaff(desk, 'user', hospitalId)
    const input = { ...bookingInput(hospitalId, now), patientAge: '৬৭' }
    await expectFailure(desk.raw('bookings.create', input, clerk.token), 'VALIDATION', 'patientAge')
  })

  it('a phone that is not one is still refused, in any script', async () => {
    const admin = await desk.adminToken()
    const env = await post('hospitals.create', { name: 'X Hospital', address: 'Dhaka', phone: '০১৭ক' }, admin)
    expect(env.ok).toBe(false)
    expect(env.error.details.field).toBe('phone')
  })
})
