/**
 * The renderer's stores against the real desk: the real dispatcher on a real SQLite file, reached
 * through an in-memory transport that carries JSON both ways. Nothing of ours is mocked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN, makeDesk, type TestDesk } from '../../../../test/helpers'
import { addBooking, addHospital, addStaff, STAFF_PASSWORD, type Staff } from '../../../../test/moneyFixtures'
import { useTransport, whenSessionEnds } from '../api/client'
import { MemoryTransport } from '../api/memoryTransport'
import { RootStore } from './root'

let desk: TestDesk
let transport: MemoryTransport
let reception: Staff

beforeEach(async () => {
  desk = makeDesk()
  await desk.adminToken()
  const hospitalId = addHospital(desk)
  reception = await addStaff(desk, 'user', hospitalId)
  const bookingId = addBooking(desk, { hospitalId, userId: reception.id, status: 'approved' })
  await desk.call('payments.record', { bookingId, amount: 150_000, paymentMethod: 'cash' }, reception.token)
  await desk.call(
    'payments.record',
    { bookingId, amount: 90_000, paymentMethod: 'card', gatewayTransactionId: 'SLIP-7' },
    reception.token,
  )
  transport = new MemoryTransport(desk.dispatcher)
  useTransport(transport)
})
afterEach(() => desk.close())

/** Resolve once `predicate` holds, checking after each turn of the event loop (MobX updates are synchronous). */
async function until(predicate: () => boolean, what = 'the condition', ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

async function signedIn(email: string, password: string): Promise<RootStore> {
  const root = new RootStore()
  whenSessionEnds(() => root.session.expired())
  await root.session.start()
  expect(await root.session.login(email, password)).toBe(true)
  return root
}

describe('a list store', () => {
  it('shows only the latest filter’s answer when an older one arrives after it', async () => {
    const root = await signedIn(ADMIN.email, ADMIN.password)
    const payments = root.desk!.payments
    await payments.load()
    expect(payments.list.items.map((p) => p.paymentMethod).sort()).toEqual(['card', 'cash'])

    // The cash filter's answer is slow; card is chosen meanwhile, and its answer comes first.
    transport.hold(
      (channel, input) =>
        channel === 'payments.list' && (input as { paymentMethod?: string }).paymentMethod === 'cash',
    )
    payments.setFilter('paymentMethod', 'cash')
    await until(() => transport.held.length === 1, 'the cash request to be held')
    payments.setFilter('paymentMethod', 'card')
    await until(() => !payments.list.loading, 'the card answer')
    expect(payments.list.items.map((p) => p.paymentMethod)).toEqual(['card'])

    // Now the stale cash answer lands: it must not replace what is on screen.
    transport.stopHolding()
    transport.held[0]!.release()
    await until(() => transport.sent.filter((c) => c.channel === 'payments.list').length >= 6, 'both answers')
    await new Promise((r) => setTimeout(r, 50))
    expect(payments.list.filters.paymentMethod).toBe('card')
    expect(payments.list.items.map((p) => p.paymentMethod)).toEqual(['card'])
    expect(payments.list.loading).toBe(false)
  })

  it('does the same for the booking queue’s search', async () => {
    const root = await signedIn(reception.email, STAFF_PASSWORD)
    const bookings = root.desk!.bookings
    transport.hold(
      (channel, input) => channel === 'bookings.list' && (input as { search?: string }).search === 'Nobody',
    )
    bookings.setSearch('Nobody')
    void bookings.load()
    await until(() => transport.held.length === 1, 'the first search to be held')
    bookings.setSearch('Rahim')
    await bookings.load()
    expect(bookings.list.items).toHaveLength(1)
    transport.held[0]!.release()
    await new Promise((r) => setTimeout(r, 50))
    expect(bookings.list.items.map((b) => b.patientName)).toEqual(['Mohammad Rahim Uddin'])
  })

  it('tells loading, empty and error apart', async () => {
    const root = await signedIn(reception.email, STAFF_PASSWORD)
    const { audit, payments } = root.desk!
    // Before any answer: pending, not empty.
    transport.hold((channel) => channel === 'payments.list')
    const loading = payments.load()
    expect(payments.list.pending).toBe(true)
    expect(payments.list.items).toEqual([])
    transport.stopHolding()
    for (const h of transport.held) h.release()
    await loading
    expect(payments.list.pending).toBe(false)
    expect(payments.list.error).toBeNull()

    // The front desk may not read the audit trail: an error, not an empty list.
    await audit.list.load()
    expect(audit.list.error?.code).toBe('FORBIDDEN')
    expect(audit.list.pending).toBe(false)

    // A filter that matches nothing: empty, with no error.
    await payments.list.filter({ paymentMethod: 'rocket' })
    expect(payments.list.items).toEqual([])
    expect(payments.list.error).toBeNull()
    expect(payments.list.total).toBe(0)
  })
})

describe('the stores of a sign-in', () => {
  it('are dropped at sign-out: the next person sees none of the last one’s rows or filters', async () => {
    const root = await signedIn(ADMIN.email, ADMIN.password)
    const adminDesk = root.desk!
    await adminDesk.payments.list.filter({ paymentMethod: 'cash' })
    adminDesk.ui.go('payments')
    expect(adminDesk.payments.list.items).toHaveLength(1)

    await root.session.logout()
    expect(root.desk).toBeNull()

    expect(await root.session.login(reception.email, STAFF_PASSWORD)).toBe(true)
    const deskDesk = root.desk!
    expect(deskDesk).not.toBe(adminDesk)
    expect(deskDesk.generation).toBeGreaterThan(adminDesk.generation)
    expect(deskDesk.ui.area).toBe('home')
    expect(deskDesk.payments.list.filters).toEqual({ tab: 'all' })
    expect(deskDesk.payments.list.items).toEqual([])
    // What the front desk loads is asked for with its own (empty) filters.
    await deskDesk.payments.load()
    const last = transport.sent.filter((c) => c.channel === 'payments.list').at(-2)!
    expect(last.input).not.toHaveProperty('paymentMethod')
  })

  it('are dropped when the session ends elsewhere (signed out by an administrator)', async () => {
    const root = await signedIn(reception.email, STAFF_PASSWORD)
    expect(root.desk).not.toBeNull()
    const admin = await desk.adminToken()
    await desk.call('users.update', { id: reception.id, status: 'inactive' }, admin)
    await root.desk!.payments.load()
    await until(() => root.desk === null, 'the desk to be dropped')
    expect(root.session.phase).toBe('login')
  })

  it('start a new set for the same person signing in again', async () => {
    const root = await signedIn(reception.email, STAFF_PASSWORD)
    const first = root.desk!
    first.bookings.setView('all')
    await root.session.logout()
    await root.session.login(reception.email, STAFF_PASSWORD)
    expect(root.desk).not.toBe(first)
    expect(root.desk!.bookings.view).toBe('today')
  })
})

describe('every action says what it did', () => {
  it('in one toast list: a blood request, a hospital decision and a staff account each name what was done', async () => {
    const root = await signedIn(ADMIN.email, ADMIN.password)
    const { blood, hospitals, staff } = root.desk!
    const said = () => root.toasts.items.map((t) => t.message)

    await blood.create({
      patientName: 'Shirin Akhter',
      bloodType: 'O-',
      unitsNeeded: 3,
      urgency: 'critical',
      hospitalId: null,
      contactPhone: '+880 1811-445566',
      location: 'Maternity ward, bed 12',
    })
    expect(said()).toContain('Blood request for Shirin Akhter created: 3 units of O-.')
    const request = blood.active.find((r) => r.patientName === 'Shirin Akhter')!
    await blood.update(request.id, 'fulfilled')
    expect(said()).toContain('Blood request for Shirin Akhter marked fulfilled.')

    const h = await hospitals.create({
      name: 'Chattogram Eye Infirmary',
      address: 'Agrabad',
      phone: '+880 2 4478 1234',
    })
    await hospitals.decide('approve', h.id)
    expect(said()).toContain('Chattogram Eye Infirmary approved: it takes bookings now.')

    await staff.create({
      name: 'Nasima Begum',
      email: 'nasima@rapidcare.test',
      password: STAFF_PASSWORD,
      role: 'user',
      hospitalId: h.id,
    })
    expect(said()).toContain('Account for Nasima Begum created (Front desk).')

    // A failed action says nothing of success: the refusal is the form's to show.
    const before = said().length
    await expect(
      staff.create({
        name: 'X',
        email: 'nasima@rapidcare.test',
        password: STAFF_PASSWORD,
        role: 'user',
        hospitalId: h.id,
      }),
    ).rejects.toThrow()
    expect(said()).toHaveLength(before)
  })

  it('and the next person at the workstation starts with none of them', async () => {
    const root = await signedIn(ADMIN.email, ADMIN.password)
    root.toasts.show('Something the admin did')
    await root.session.logout()
    expect(root.toasts.items).toEqual([])
  })
})
