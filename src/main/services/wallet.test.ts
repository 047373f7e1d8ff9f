import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { addBooking, addHospital, addStaff } from '../../../test/moneyFixtures'
import { LEDGER_SIGN } from './wallet'

let desk: TestDesk
afterEach(() => desk?.close())

let clock = new Date('2025-03-01T06:00:00.000Z')
const now = () => clock
const tick = (minutes = 5) => (clock = new Date(clock.getTime() + minutes * 60_000))

async function setup() {
  clock = new Date('2025-03-01T06:00:00.000Z')
  desk = makeDesk({ now })
  const admin = await desk.adminToken()
  const hospitalId = addHospital(desk)
  const authority = await addStaff(desk, 'hospital-authority', hospitalId)
  const reception = await addStaff(desk, 'user', hospitalId)
  const bookingId = addBooking(desk, { hospitalId, userId: reception.id, status: 'admitted' })
  return { admin, hospitalId, authority, reception, bookingId }
}

type Row = {
  id: number
  type: 'credit' | 'debit' | 'refund' | 'fee'
  amount: number
  balanceBefore: number
  balanceAfter: number
}

/** The ledger of every account reconciles: balance = sum of rows, each row chains to the next. */
function expectLedgersReconcile() {
  const users = desk.db.prepare('SELECT userId, balance FROM user_balance').all() as {
    userId: number
    balance: number
  }[]
  for (const u of users) {
    const rows = desk.db
      .prepare('SELECT * FROM balance_transactions WHERE userId = ? ORDER BY id')
      .all(u.userId) as Row[]
    let running = 0
    for (const r of rows) {
      expect(r.amount).toBeGreaterThan(0)
      expect(r.balanceBefore).toBe(running)
      expect(r.balanceAfter).toBe(r.balanceBefore + LEDGER_SIGN[r.type] * r.amount)
      expect(r.balanceAfter).toBeGreaterThanOrEqual(0)
      running = r.balanceAfter
    }
    expect(u.balance).toBe(running)
    const sum = desk.db
      .prepare(
        `SELECT COALESCE(SUM(CASE type WHEN 'credit' THEN amount ELSE -amount END), 0) FROM balance_transactions WHERE userId = ?`,
      )
      .pluck()
      .get(u.userId)
    expect(u.balance).toBe(sum)
  }
}

describe('the cash drawer', () => {
  it('starts empty, takes cash in, and shows its ledger newest first', async () => {
    const { reception, bookingId } = await setup()
    const empty = await desk.call('wallet.get', {}, reception.token)
    expect(empty).toMatchObject({
      balance: 0,
      currency: 'BDT',
      ledger: { items: [], total: 0 },
      closings: [],
    })
    // Reading an empty drawer writes nothing.
    expect(desk.db.prepare('SELECT COUNT(*) FROM user_balance').pluck().get()).toBe(0)

    await desk.call('wallet.deposit', { amount: 50_000, description: 'Opening float' }, reception.token)
    tick()
    await desk.call('payments.record', { bookingId, amount: 120_000, paymentMethod: 'cash' }, reception.token)
    const w = await desk.call('wallet.get', {}, reception.token)
    expect(w.balance).toBe(170_000)
    expect(w.ledger.items.map((r) => [r.type, r.amount, r.balanceBefore, r.balanceAfter])).toEqual([
      ['credit', 120_000, 50_000, 170_000],
      ['credit', 50_000, 0, 50_000],
    ])
    expect(w.ledger.items[1]!.description).toBe('Cash added: Opening float')
    expect(w.shift).toMatchObject({
      openedAt: null,
      openingBalance: 0,
      cashIn: 170_000,
      cashOut: 0,
      expected: 170_000,
    })
  })

  it('is the signed-in account’s own; only an admin may see another’s', async () => {
    const { admin, authority, reception } = await setup()
    await desk.call('wallet.deposit', { amount: 1_000, description: 'Float' }, reception.token)
    await expectFailure(desk.raw('wallet.get', { userId: reception.id }, authority.token), 'FORBIDDEN')
    const seen = await desk.call('wallet.get', { userId: reception.id }, admin)
    expect([seen.userName, seen.balance]).toEqual(['Rina Akter', 1_000])
    await expectFailure(desk.raw('wallet.get', { userId: 999 }, admin), 'NOT_FOUND')
    await expectFailure(
      desk.raw('wallet.deposit', { amount: 10.5, description: 'x' }, reception.token),
      'VALIDATION',
      'amount',
    )
    await expectFailure(
      desk.raw('wallet.deposit', { amount: 100, description: '' }, reception.token),
      'VALIDATION',
      'description',
    )
  })

  it('is append-only: the database refuses to edit or delete a ledger row', async () => {
    const { reception } = await setup()
    await desk.call('wallet.deposit', { amount: 1_000, description: 'Float' }, reception.token)
    expect(() => desk.db.prepare('UPDATE balance_transactions SET amount = 1').run()).toThrow(/append-only/)
    expect(() => desk.db.prepare('DELETE FROM balance_transactions').run()).toThrow(/append-only/)
  })
})

describe('closing a shift', () => {
  it('records expected against counted, books the difference with its reason, and starts a new shift', async () => {
    const { reception, bookingId } = await setup()
    await desk.call('wallet.deposit', { amount: 100_000, description: 'Opening float' }, reception.token)
    await desk.call('payments.record', { bookingId, amount: 250_000, paymentMethod: 'cash' }, reception.token)
    await desk.call('payments.record', { bookingId, amount: 80_000, paymentMethod: 'cash' }, reception.token)
    await desk.call(
      'payments.record',
      { bookingId, amount: 500_000, paymentMethod: 'bkash', gatewayTransactionId: 'BK-77' },
      reception.token,
    )
    const open = await desk.call('wallet.get', {}, reception.token)
    expect(open.shift.expected).toBe(430_000)
    expect(open.shift.totals.filter((t) => t.payments > 0)).toEqual([
      { paymentMethod: 'cash', payments: 2, received: 330_000, refunds: 0, refunded: 0 },
      { paymentMethod: 'bkash', payments: 1, received: 500_000, refunds: 0, refunded: 0 },
    ])

    // Short by ৳50: refused without a reason, and the refusal writes nothing.
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('wallet.closeShift', { countedCash: 425_000 }, reception.token),
      'VALIDATION',
      'reason',
    )
    await expectFailure(
      desk.raw(
        'wallet.closeShift',
        { countedCash: 425_000, reason: 'x', handOver: 500_000 },
        reception.token,
      ),
      'VALIDATION',
      'handOver',
    )
    await expectFailure(
      desk.raw('wallet.closeShift', { countedCash: -1, reason: 'x' }, reception.token),
      'VALIDATION',
      'countedCash',
    )
    await expectFailure(
      desk.raw('wallet.closeShift', { countedCash: 1.5, reason: 'x' }, reception.token),
      'VALIDATION',
      'countedCash',
    )
    expect(tableCounts(desk)).toEqual(before)

    tick(60)
    const close = await desk.call(
      'wallet.closeShift',
      { countedCash: 425_000, reason: 'Change given twice', handOver: 325_000 },
      reception.token,
    )
    expect(close).toMatchObject({
      openedAt: null,
      closedAt: '2025-03-01T07:00:00.000Z',
      expectedCash: 430_000,
      countedCash: 425_000,
      difference: -5_000,
      reason: 'Change given twice',
      handedOver: 325_000,
    })
    expect(close.totals.find((t) => t.paymentMethod === 'bkash')?.received).toBe(500_000)
    const after = await desk.call('wallet.get', {}, reception.token)
    expect(after.balance).toBe(100_000)
    const [handover, adjustment] = after.ledger.items
    expect([adjustment!.type, adjustment!.amount, adjustment!.id]).toEqual([
      'debit',
      5_000,
      close.adjustmentId,
    ])
    expect(adjustment!.description).toMatch(/short by ৳50\.00\. Change given twice/)
    expect([handover!.type, handover!.amount, handover!.balanceAfter]).toEqual(['debit', 325_000, 100_000])
    // The next shift starts from the close, with the float left in the drawer.
    expect(after.shift).toMatchObject({
      openedAt: close.closedAt,
      openingBalance: 100_000,
      cashIn: 0,
      expected: 100_000,
    })
    expect(after.shift.totals.every((t) => t.payments === 0)).toBe(true)
    expect(after.closings.map((c) => c.id)).toEqual([close.id])
    expectLedgersReconcile()
  })

  it('needs no reason and writes no adjustment when the count matches; an overage is a credit', async () => {
    const { reception, bookingId } = await setup()
    await desk.call('payments.record', { bookingId, amount: 10_000, paymentMethod: 'cash' }, reception.token)
    const even = await desk.call('wallet.closeShift', { countedCash: 10_000 }, reception.token)
    expect([even.difference, even.adjustmentId, even.reason]).toEqual([0, null, null])
    const over = await desk.call(
      'wallet.closeShift',
      { countedCash: 10_500, reason: 'Unclaimed change' },
      reception.token,
    )
    expect(over.difference).toBe(500)
    const w = await desk.call('wallet.get', {}, reception.token)
    expect([w.ledger.items[0]!.type, w.balance]).toEqual(['credit', 10_500])
    expect(w.closings.map((c) => c.id)).toEqual([over.id, even.id])
  })
})

describe('the ledger always reconciles', () => {
  it('after any sequence of payments, refunds, deposits and shift closes', async () => {
    const { authority, reception, bookingId } = await setup()
    const cashPayments: { id: number; left: number }[] = []
    const op = fc.oneof(
      fc.record({ kind: fc.constant('cash' as const), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
      fc.record({ kind: fc.constant('card' as const), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
      fc.record({ kind: fc.constant('deposit' as const), amount: fc.integer({ min: 1, max: 1_000_000 }) }),
      fc.record({
        kind: fc.constant('authorityFloat' as const),
        amount: fc.integer({ min: 1, max: 3_000_000 }),
      }),
      fc.record({
        kind: fc.constant('refund' as const),
        pick: fc.nat(),
        share: fc.integer({ min: 1, max: 100 }),
      }),
      fc.record({
        kind: fc.constant('close' as const),
        delta: fc.integer({ min: -20_000, max: 20_000 }),
        handOverShare: fc.integer({ min: 0, max: 100 }),
      }),
    )
    let ref = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          tick(1)
          if (o.kind === 'cash') {
            const p = await desk.call(
              'payments.record',
              { bookingId, amount: o.amount, paymentMethod: 'cash' },
              reception.token,
            )
            cashPayments.push({ id: p.id, left: o.amount })
          } else if (o.kind === 'card') {
            await desk.call(
              'payments.record',
              { bookingId, amount: o.amount, paymentMethod: 'card', gatewayTransactionId: `S-${++ref}` },
              reception.token,
            )
          } else if (o.kind === 'deposit') {
            await desk.call('wallet.deposit', { amount: o.amount, description: 'Float' }, reception.token)
          } else if (o.kind === 'authorityFloat') {
            await desk.call(
              'wallet.deposit',
              { amount: o.amount, description: 'From the safe' },
              authority.token,
            )
          } else if (o.kind === 'refund') {
            const open = cashPayments.filter((p) => p.left > 0)
            if (!open.length) continue
            const p = open[o.pick % open.length]!
            const amount = Math.max(1, Math.floor((p.left * o.share) / 100))
            const env = await desk.raw(
              'payments.refund',
              { id: p.id, amount, reason: 'Property test' },
              authority.token,
            )
            // Refused only when the authority's drawer cannot cover it.
            if (env.ok) p.left -= amount
            else expect(env.error).toMatchObject({ code: 'CONFLICT', details: { field: 'amount' } })
          } else {
            const { shift } = await desk.call('wallet.get', {}, reception.token)
            const counted = Math.max(0, shift.expected + o.delta)
            const handOver = Math.floor((counted * o.handOverShare) / 100)
            await desk.call(
              'wallet.closeShift',
              { countedCash: counted, reason: counted === shift.expected ? undefined : 'Counted', handOver },
              reception.token,
            )
          }
        }
        expectLedgersReconcile()
      }),
      { numRuns: 40 },
    )
    // The sequences did exercise every kind of row (one drawer is shared across the runs).
    const kinds = desk.db
      .prepare('SELECT DISTINCT type FROM balance_transactions ORDER BY type')
      .pluck()
      .all()
    expect(kinds).toEqual(['credit', 'debit', 'refund'])
  })
})
