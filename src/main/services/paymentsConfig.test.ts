import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { addBooking, addHospital, addStaff } from '../../../test/moneyFixtures'
import { PAYMENT_METHODS } from '../../shared/money'
import { DESK_FEES_GATEWAY } from './paymentsConfig'

let desk: TestDesk
afterEach(() => desk?.close())

const noFees = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, { percent: 0, fixedFee: 0 }])) as Record<
  (typeof PAYMENT_METHODS)[number],
  { percent: number; fixedFee: number }
>

describe('settings: the fee rules', () => {
  it('default to no platform fee, and a change keeps the old rules as history', async () => {
    desk = makeDesk()
    const admin = await desk.adminToken()
    // A back-end's gateway row (adopted database) is not the desk's and is left alone.
    desk.db
      .prepare(`INSERT INTO payment_config (gateway, config) VALUES ('sslcommerz', '{"storeId":"x"}')`)
      .run()
    const initial = await desk.call('settings.get', {}, admin)
    expect(initial).toEqual({ fees: noFees, configId: null, updatedAt: null })

    const first = await desk.call(
      'settings.update',
      { fees: { ...noFees, card: { percent: 2.5, fixedFee: 1_000 } } },
      admin,
    )
    const second = await desk.call(
      'settings.update',
      { fees: { ...noFees, card: { percent: 1.75, fixedFee: 0 } } },
      admin,
    )
    expect(second.fees.card).toEqual({ percent: 1.75, fixedFee: 0 })
    expect((await desk.call('settings.get', {}, admin)).configId).toBe(second.configId)
    const rows = desk.db.prepare('SELECT id, gateway, isActive FROM payment_config ORDER BY id').all()
    expect(rows).toEqual([
      { id: 1, gateway: 'sslcommerz', isActive: 1 },
      { id: first.configId, gateway: DESK_FEES_GATEWAY, isActive: 0 },
      { id: second.configId, gateway: DESK_FEES_GATEWAY, isActive: 1 },
    ])
    const stored = JSON.parse(
      desk.db
        .prepare('SELECT config FROM payment_config WHERE id = ?')
        .pluck()
        .get(second.configId) as string,
    )
    expect(stored.fees.card).toEqual({ percentBasisPoints: 175, fixedFee: 0 })
  })

  it('applies to payments from then on; earlier payments keep the fee they were charged', async () => {
    desk = makeDesk()
    const admin = await desk.adminToken()
    const hospitalId = addHospital(desk)
    const reception = await addStaff(desk, 'user', hospitalId)
    const bookingId = addBooking(desk, { hospitalId, userId: reception.id })
    const pay = () =>
      desk.call('payments.record', { bookingId, amount: 10_000, paymentMethod: 'cash' }, reception.token)
    const before = await pay()
    await desk.call('settings.update', { fees: { ...noFees, cash: { percent: 10, fixedFee: 0 } } }, admin)
    const after = await pay()
    expect([before.platformFee, after.platformFee]).toEqual([0, 1_000])
    expect(desk.db.prepare('SELECT platformFee FROM transactions WHERE id = ?').pluck().get(before.id)).toBe(
      0,
    )
  })

  it('is changed by an admin only, with whole rules for every method', async () => {
    desk = makeDesk()
    await desk.adminToken()
    const admin = await desk.adminToken()
    const reception = await addStaff(desk, 'user')
    const before = tableCounts(desk)
    await expectFailure(desk.raw('settings.update', { fees: noFees }, reception.token), 'FORBIDDEN')
    const bad: [unknown, string][] = [
      [{ ...noFees, card: { percent: 1.255, fixedFee: 0 } }, 'fees.card.percent'],
      [{ ...noFees, card: { percent: 101, fixedFee: 0 } }, 'fees.card.percent'],
      [{ ...noFees, bkash: { percent: -1, fixedFee: 0 } }, 'fees.bkash.percent'],
      [{ ...noFees, cash: { percent: 0, fixedFee: 2.5 } }, 'fees.cash.fixedFee'],
      [{ ...noFees, cheque: { percent: 0, fixedFee: 0 } }, 'fees.cheque'],
      [{ card: { percent: 0, fixedFee: 0 } }, 'fees.cash'],
    ]
    for (const [fees, field] of bad)
      await expectFailure(desk.raw('settings.update', { fees }, admin), 'VALIDATION', field)
    expect(tableCounts(desk)).toEqual(before)
  })
})
