import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { addBooking, addHospital, addStaff, setBookingStatus } from '../../../test/moneyFixtures'
import { splitFee } from '../../shared/money'

let desk: TestDesk
afterEach(() => desk?.close())

let clock = new Date('2025-03-01T06:00:00.000Z')
const now = () => clock

async function setup() {
  clock = new Date('2025-03-01T06:00:00.000Z')
  desk = makeDesk({ now })
  const admin = await desk.adminToken()
  const hospitalId = addHospital(desk)
  const other = addHospital(desk, 'Square Hospital')
  const authority = await addStaff(desk, 'hospital-authority', hospitalId)
  const reception = await addStaff(desk, 'user', hospitalId)
  const bookingId = addBooking(desk, { hospitalId, userId: reception.id, status: 'approved' })
  return { admin, hospitalId, other, authority, reception, bookingId }
}

function drawer(userId: number) {
  return {
    balance: desk.db.prepare('SELECT balance FROM user_balance WHERE userId = ?').pluck().get(userId) ?? 0,
    rows: desk.db.prepare('SELECT * FROM balance_transactions WHERE userId = ? ORDER BY id').all(userId) as {
      type: string
      amount: number
      balanceBefore: number
      balanceAfter: number
      transactionId: number | null
    }[],
  }
}

describe('payments.record', () => {
  it('records a cash deposit, with no platform fee by default, and puts the cash in the drawer', async () => {
    const { reception, bookingId, hospitalId } = await setup()
    const p = await desk.call(
      'payments.record',
      { bookingId, amount: 250_050, paymentMethod: 'cash' },
      reception.token,
    )
    expect(p).toMatchObject({
      bookingId,
      hospitalId,
      userId: reception.id,
      amount: 250_050,
      currency: 'BDT',
      paymentMethod: 'cash',
      status: 'completed',
      platformFee: 0,
      hospitalShare: 250_050,
      gatewayTransactionId: null,
      refundable: 250_050,
      recordedBy: 'Rina Akter',
    })
    const d = drawer(reception.id)
    expect(d.balance).toBe(250_050)
    expect(d.rows).toEqual([
      expect.objectContaining({
        type: 'credit',
        amount: 250_050,
        balanceBefore: 0,
        balanceAfter: 250_050,
        transactionId: p.id,
      }),
    ])
    const w = await desk.call('wallet.get', {}, reception.token)
    expect(w.balance).toBe(250_050)
    expect(w.shift.totals.find((t) => t.paymentMethod === 'cash')).toMatchObject({
      payments: 1,
      received: 250_050,
    })
  })

  it('takes the fee from the active fee rules, and a non-cash payment leaves the drawer alone', async () => {
    const { admin, reception, bookingId } = await setup()
    const fees = await desk.call('settings.get', {}, reception.token)
    expect(fees.configId).toBeNull()
    expect(fees.fees.card).toEqual({ percent: 0, fixedFee: 0 })
    await desk.call(
      'settings.update',
      {
        fees: { ...fees.fees, card: { percent: 1.5, fixedFee: 500 }, bkash: { percent: 1.85, fixedFee: 0 } },
      },
      admin,
    )
    const card = await desk.call(
      'payments.record',
      { bookingId, amount: 100_000, paymentMethod: 'card', gatewayTransactionId: 'SLIP-0042' },
      reception.token,
    )
    expect(card).toMatchObject({ platformFee: 2_000, hospitalShare: 98_000, paymentGateway: 'card' })
    // 1.85% of ৳333.33 is 616.66 paisa: rounded half up to 617.
    const bkash = await desk.call(
      'payments.record',
      { bookingId, amount: 33_333, paymentMethod: 'bkash', gatewayTransactionId: '8N7A6D5C4B' },
      reception.token,
    )
    expect(bkash).toMatchObject({ platformFee: 617, hospitalShare: 32_716 })
    expect(drawer(reception.id).rows).toEqual([])
  })

  it('refuses bad payments, naming the field, and writes nothing', async () => {
    const { hospitalId, reception, bookingId } = await setup()
    const declined = addBooking(desk, { hospitalId, userId: reception.id, status: 'declined' })
    const cancelled = addBooking(desk, { hospitalId, userId: reception.id, status: 'cancelled' })
    const good = { bookingId, amount: 10_000, paymentMethod: 'cash' }
    const before = tableCounts(desk)
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amount: -500 }, 'VALIDATION', 'amount'],
      [{ amount: 0 }, 'VALIDATION', 'amount'],
      [{ amount: 100.5 }, 'VALIDATION', 'amount'],
      [{ amount: '100' }, 'VALIDATION', 'amount'],
      [{ paymentMethod: 'cheque' }, 'VALIDATION', 'paymentMethod'],
      [{ paymentMethod: 'bkash' }, 'VALIDATION', 'gatewayTransactionId'],
      [{ paymentMethod: 'card', gatewayTransactionId: '   ' }, 'VALIDATION', 'gatewayTransactionId'],
      [{ bookingId: declined }, 'CONFLICT', 'bookingId'],
      [{ bookingId: cancelled }, 'CONFLICT', 'bookingId'],
      [{ surcharge: 5 }, 'VALIDATION', 'surcharge'],
    ]
    for (const [change, code, field] of cases)
      await expectFailure(desk.raw('payments.record', { ...good, ...change }, reception.token), code, field)
    await expectFailure(
      desk.raw('payments.record', { ...good, bookingId: 999 }, reception.token),
      'NOT_FOUND',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('refuses a reference recorded before, and people who may not take payments here', async () => {
    const { other, authority, reception, bookingId } = await setup()
    const ref = { bookingId, amount: 10_000, paymentMethod: 'nagad', gatewayTransactionId: 'NG-77' } as const
    await desk.call('payments.record', ref, reception.token)
    const elsewhere = await addStaff(desk, 'user', other, 'Shila Das')
    const before = tableCounts(desk)
    await expectFailure(desk.raw('payments.record', ref, reception.token), 'CONFLICT', 'gatewayTransactionId')
    await expectFailure(
      desk.raw('payments.record', { ...ref, gatewayTransactionId: 'NG-78' }, authority.token),
      'FORBIDDEN',
    )
    await expectFailure(
      desk.raw('payments.record', { ...ref, gatewayTransactionId: 'NG-79' }, elsewhere.token),
      'FORBIDDEN',
    )
    expect(tableCounts(desk)).toEqual(before)
  })
})

describe('fee and share', () => {
  it('always add up to the amount exactly, whatever the amount and the rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (amount, percentBasisPoints, fixedFee) => {
          const { platformFee, hospitalShare } = splitFee(amount, { percentBasisPoints, fixedFee })
          expect(platformFee + hospitalShare).toBe(amount)
          expect(platformFee).toBeGreaterThanOrEqual(0)
          expect(hospitalShare).toBeGreaterThanOrEqual(0)
          expect(Number.isInteger(platformFee)).toBe(true)
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('add up in every stored transaction, over many amounts', async () => {
    const { admin, reception, bookingId } = await setup()
    const fees = (await desk.call('settings.get', {}, admin)).fees
    await desk.call('settings.update', { fees: { ...fees, card: { percent: 2.37, fixedFee: 1_99 } } }, admin)
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50_000_000 }), async (amount) => {
        await desk.call(
          'payments.record',
          { bookingId, amount, paymentMethod: 'card', gatewayTransactionId: `C-${amount}-${Math.random()}` },
          reception.token,
        )
      }),
      { numRuns: 300 },
    )
    const bad = desk.db
      .prepare(
        'SELECT COUNT(*) FROM transactions WHERE platformFee + hospitalShare != amount OR platformFee < 0',
      )
      .pluck()
      .get()
    expect(bad).toBe(0)
    expect(desk.db.prepare('SELECT COUNT(*) FROM transactions').pluck().get()).toBe(300)
  })
})

describe('payments.refund', () => {
  it('refunds in parts, never more than is left, and marks the payment refunded when whole', async () => {
    const { authority, reception, bookingId } = await setup()
    const p = await desk.call(
      'payments.record',
      { bookingId, amount: 100_000, paymentMethod: 'bkash', gatewayTransactionId: 'BK-1' },
      reception.token,
    )
    clock = new Date('2025-03-02T09:00:00.000Z')
    const part = await desk.call(
      'payments.refund',
      { id: p.id, amount: 30_000, reason: 'Shorter stay' },
      authority.token,
    )
    expect(part).toMatchObject({ status: 'completed', refundAmount: 30_000, refundable: 70_000 })
    expect(part.refundedAt).toBe('2025-03-02T09:00:00.000Z')
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 70_001, reason: 'Too much' }, authority.token),
      'CONFLICT',
      'amount',
    )
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 0, reason: 'Zero' }, authority.token),
      'VALIDATION',
      'amount',
    )
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 10.5, reason: 'x' }, authority.token),
      'VALIDATION',
      'amount',
    )
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 10, reason: ' ' }, authority.token),
      'VALIDATION',
      'reason',
    )
    await expectFailure(
      desk.raw('payments.refund', { id: 999, amount: 10, reason: 'x' }, authority.token),
      'NOT_FOUND',
    )
    expect(tableCounts(desk)).toEqual(before)

    const whole = await desk.call(
      'payments.refund',
      { id: p.id, amount: 70_000, reason: 'Cancelled' },
      authority.token,
    )
    expect(whole).toMatchObject({ status: 'refunded', refundAmount: 100_000, refundable: 0 })
    expect(whole.refunds.map((r) => [r.amount, r.reason, r.refundedByName])).toEqual([
      [30_000, 'Shorter stay', 'Dr. Kamal Hossain'],
      [70_000, 'Cancelled', 'Dr. Kamal Hossain'],
    ])
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 1, reason: 'Again' }, authority.token),
      'CONFLICT',
      'amount',
    )
  })

  it('pays a cash refund out of the refunder’s drawer, and refuses one the drawer cannot cover', async () => {
    const { admin, reception, bookingId } = await setup()
    const p = await desk.call(
      'payments.record',
      { bookingId, amount: 50_000, paymentMethod: 'cash' },
      reception.token,
    )
    const adminId = desk.db.prepare(`SELECT id FROM users WHERE role = 'admin'`).pluck().get() as number
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 20_000, reason: 'x' }, admin),
      'CONFLICT',
      'amount',
    )
    expect(tableCounts(desk)).toEqual(before)
    await desk.call('wallet.deposit', { amount: 30_000, description: 'From the safe' }, admin)
    await desk.call('payments.refund', { id: p.id, amount: 20_000, reason: 'Overpaid' }, admin)
    expect(drawer(adminId).rows.map((r) => [r.type, r.amount, r.balanceBefore, r.balanceAfter])).toEqual([
      ['credit', 30_000, 0, 30_000],
      ['refund', 20_000, 30_000, 10_000],
    ])
    expect(drawer(reception.id).balance).toBe(50_000)
    const refundRow = desk.db
      .prepare(`SELECT id FROM balance_transactions WHERE userId = ? AND type = 'refund'`)
      .pluck()
      .get(adminId)
    expect(desk.db.prepare('SELECT balanceTransactionId FROM transaction_refunds').pluck().get()).toBe(
      refundRow,
    )
  })

  it('is for an authority of the payment’s hospital or an admin only', async () => {
    const { other, reception, bookingId } = await setup()
    const p = await desk.call(
      'payments.record',
      { bookingId, amount: 10_000, paymentMethod: 'card', gatewayTransactionId: 'S-1' },
      reception.token,
    )
    const stranger = await addStaff(desk, 'hospital-authority', other, 'Dr. Other')
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 1_000, reason: 'x' }, stranger.token),
      'FORBIDDEN',
    )
    await expectFailure(
      desk.raw('payments.refund', { id: p.id, amount: 1_000, reason: 'x' }, reception.token),
      'FORBIDDEN',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('two refunds racing from separate processes never together exceed the payment', async () => {
    const { authority, reception, bookingId } = await setup()
    const p = await desk.call(
      'payments.record',
      { bookingId, amount: 100_000, paymentMethod: 'bank', gatewayTransactionId: 'TT-9' },
      reception.token,
    )
    const start = path.join(desk.dir, 'go')
    const worker = path.resolve(__dirname, '../../../test/refundRace.worker.ts')
    const contenders = Array.from({ length: 4 }, () =>
      spawn(
        process.execPath,
        ['--import', 'tsx', worker, desk.dbPath, String(p.id), '60000', String(authority.id), start],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ),
    )
    const outcomes = contenders.map(
      (child) =>
        new Promise<{ ok: boolean; code?: string }>((resolve, reject) => {
          let out = ''
          let err = ''
          child.stdout.on('data', (d: Buffer) => (out += d.toString()))
          child.stderr.on('data', (d: Buffer) => (err += d.toString()))
          child.on('exit', (code) => {
            const last = out.trim().split('\n').at(-1) ?? ''
            if (code !== 0 || !last.startsWith('{')) reject(new Error(`worker failed (${code}): ${err}`))
            else resolve(JSON.parse(last) as { ok: boolean; code?: string })
          })
        }),
    )
    await Promise.all(
      contenders.map(
        (child) =>
          new Promise<void>((resolve) => {
            const onData = (d: Buffer) => {
              if (d.toString().includes('ready')) {
                child.stdout.off('data', onData)
                resolve()
              }
            }
            child.stdout.on('data', onData)
          }),
      ),
    )
    fs.writeFileSync(start, 'go')
    const results = await Promise.all(outcomes)
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT'])
    const row = desk.db.prepare('SELECT amount, refundAmount FROM transactions WHERE id = ?').get(p.id)
    expect(row).toEqual({ amount: 100_000, refundAmount: 60_000 })
    expect(desk.db.prepare('SELECT SUM(amount) FROM transaction_refunds').pluck().get()).toBe(60_000)
  }, 60_000)
})

describe('refunds due and payments.list', () => {
  it('lists the deposit of a cancelled or declined booking as due for refund until it is refunded', async () => {
    const { hospitalId, authority, reception, bookingId } = await setup()
    const pending = addBooking(desk, { hospitalId, userId: reception.id, status: 'pending' })
    const a = await desk.call(
      'payments.record',
      { bookingId, amount: 20_000, paymentMethod: 'cash' },
      reception.token,
    )
    const b = await desk.call(
      'payments.record',
      { bookingId: pending, amount: 15_000, paymentMethod: 'rocket', gatewayTransactionId: 'RK-5' },
      reception.token,
    )
    expect((await desk.call('payments.list', { refundDue: true }, authority.token)).total).toBe(0)
    setBookingStatus(desk, bookingId, 'approved', 'cancelled', clock.toISOString())
    setBookingStatus(desk, pending, 'pending', 'declined', clock.toISOString())
    const due = await desk.call('payments.list', { refundDue: true }, authority.token)
    expect(due.items.map((p) => [p.id, p.refundDue, p.refundable])).toEqual([
      [b.id, true, 15_000],
      [a.id, true, 20_000],
    ])
    expect(due.sum).toBe(35_000)
    await desk.call('payments.refund', { id: b.id, amount: 15_000, reason: 'Declined' }, authority.token)
    const after = await desk.call('payments.list', { refundDue: true }, authority.token)
    expect(after.items.map((p) => p.id)).toEqual([a.id])
    const bill = await desk.call('payments.bill', { bookingId }, reception.token)
    expect(bill).toMatchObject({ quote: null, paid: 20_000, refunded: 0, balanceDue: -20_000 })
    expect(bill.quoteProblem).toMatch(/cancelled/)
  })

  it('filters by hospital, booking, method, status and date, and keeps authorities to their hospital', async () => {
    const { admin, other, hospitalId, authority, reception, bookingId } = await setup()
    const otherDesk = await addStaff(desk, 'user', other, 'Shila Das')
    const otherBooking = addBooking(desk, { hospitalId: other, userId: otherDesk.id })
    await desk.call('payments.record', { bookingId, amount: 1_000, paymentMethod: 'cash' }, reception.token)
    clock = new Date('2025-03-03T06:00:00.000Z')
    await desk.call(
      'payments.record',
      { bookingId, amount: 2_000, paymentMethod: 'card', gatewayTransactionId: 'S-2' },
      reception.token,
    )
    await desk.call(
      'payments.record',
      { bookingId: otherBooking, amount: 4_000, paymentMethod: 'cash' },
      otherDesk.token,
    )

    const all = await desk.call('payments.list', {}, admin)
    expect([all.total, all.sum]).toEqual([3, 7_000])
    expect((await desk.call('payments.list', { hospitalId: other }, admin)).sum).toBe(4_000)
    expect((await desk.call('payments.list', { paymentMethod: 'cash' }, admin)).sum).toBe(5_000)
    expect((await desk.call('payments.list', { bookingId }, admin)).sum).toBe(3_000)
    expect((await desk.call('payments.list', { status: 'refunded' }, admin)).total).toBe(0)
    const march2 = await desk.call(
      'payments.list',
      { from: '2025-03-02T00:00:00+06:00', to: '2025-03-04T00:00:00+06:00' },
      admin,
    )
    expect(march2.items.map((p) => p.amount).sort()).toEqual([2_000, 4_000])
    const mine = await desk.call('payments.list', {}, authority.token)
    expect(mine.items.every((p) => p.hospitalId === hospitalId)).toBe(true)
    expect(mine.total).toBe(2)
    await expectFailure(desk.raw('payments.list', { hospitalId: other }, authority.token), 'FORBIDDEN')
    const paged = await desk.call('payments.list', { limit: 1, offset: 1 }, admin)
    expect([paged.items.length, paged.total]).toEqual([1, 3])
  })

  it('gives a receipt with the hospital, the booking and the refunds', async () => {
    const { reception, bookingId, other } = await setup()
    const p = await desk.call(
      'payments.record',
      { bookingId, amount: 123_450, paymentMethod: 'cash' },
      reception.token,
    )
    const r = await desk.call('payments.get', { id: p.id }, reception.token)
    expect(r).toMatchObject({
      amount: 123_450,
      hospitalName: 'Dhaka Medical College Hospital',
      hospitalAddress: 'Mirpur Road, Dhaka',
      patientName: 'Mohammad Rahim Uddin',
      refunds: [],
    })
    expect(r.bookingReference).toMatch(/^RC-2025-\d{6}$/)
    const stranger = await addStaff(desk, 'hospital-authority', other)
    await expectFailure(desk.raw('payments.get', { id: p.id }, stranger.token), 'FORBIDDEN')
  })
})

describe('payments.bill', () => {
  async function pricedStay() {
    const s = await setup()
    await desk.call(
      'pricing.set',
      {
        hospitalId: s.hospitalId,
        resourceType: 'beds',
        basePrice: 100_000,
        pricePerDay: 300_000,
        pricePerHour: 20_000,
        emergencyMultiplier: 1.5,
        effectiveFrom: '2025-01-01T00:00:00Z',
      },
      s.admin,
    )
    return s
  }

  it('charges the actual stay from admission to discharge, less what was paid', async () => {
    const { hospitalId, reception } = await pricedStay()
    const bookingId = addBooking(desk, {
      hospitalId,
      userId: reception.id,
      status: 'completed',
      estimatedDuration: 24,
      admittedAt: '2025-03-01T08:00:00.000Z',
      dischargedAt: '2025-03-03T10:30:00.000Z',
    })
    await desk.call('payments.record', { bookingId, amount: 200_000, paymentMethod: 'cash' }, reception.token)
    const bill = await desk.call('payments.bill', { bookingId }, reception.token)
    // 50.5 hours, charged as 51: 2 days + 3 hours = ৳6,000 + ৳600, plus the ৳1,000 base.
    expect(bill.stay).toEqual({
      from: '2025-03-01T08:00:00.000Z',
      to: '2025-03-03T10:30:00.000Z',
      hours: 51,
      ongoing: false,
    })
    expect(bill.quote).toMatchObject({ durationPart: 660_000, total: 760_000 })
    expect(bill).toMatchObject({ paid: 200_000, refunded: 0, balanceDue: 560_000 })
  })

  it('runs to now while the patient is still admitted, and quotes the estimate before admission', async () => {
    const { hospitalId, reception, bookingId } = await pricedStay()
    const admitted = addBooking(desk, {
      hospitalId,
      userId: reception.id,
      status: 'admitted',
      urgency: 'critical',
      admittedAt: '2025-03-01T00:00:00.000Z',
    })
    clock = new Date('2025-03-01T05:00:00.000Z')
    const running = await desk.call('payments.bill', { bookingId: admitted }, reception.token)
    expect(running.stay).toMatchObject({ hours: 5, ongoing: true })
    // (৳1,000 + 5 × ৳200) × 1.5
    expect(running.quote).toMatchObject({ subtotal: 200_000, multiplier: 1.5, total: 300_000 })
    const before = await desk.call('payments.bill', { bookingId }, reception.token)
    expect(before.stay).toBeNull()
    expect(before.quote).toMatchObject({ hours: 24, total: 400_000 })
    expect(before.balanceDue).toBe(400_000)
  })

  it('says why there is no quote when no price is set', async () => {
    const { reception, bookingId } = await setup()
    const bill = await desk.call('payments.bill', { bookingId }, reception.token)
    expect(bill.quote).toBeNull()
    expect(bill.quoteProblem).toMatch(/No bed price/)
  })
})
