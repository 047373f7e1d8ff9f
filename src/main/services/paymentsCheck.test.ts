import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { addBooking, addHospital, addStaff } from '../../../test/moneyFixtures'
import { runCli } from '../cli'
import { checkMoney } from './paymentsCheck'

let desk: TestDesk
afterEach(() => {
  desk?.close()
  vi.restoreAllMocks()
})

async function withMoney() {
  desk = makeDesk()
  const admin = await desk.adminToken()
  const hospitalId = addHospital(desk)
  const reception = await addStaff(desk, 'user', hospitalId)
  const bookingId = addBooking(desk, { hospitalId, userId: reception.id })
  const p = await desk.call(
    'payments.record',
    { bookingId, amount: 90_000, paymentMethod: 'cash' },
    reception.token,
  )
  await desk.call('wallet.deposit', { amount: 10_000, description: 'Float' }, admin)
  await desk.call('payments.refund', { id: p.id, amount: 10_000, reason: 'Overpaid' }, admin)
  await desk.call('wallet.closeShift', { countedCash: 89_000, reason: 'Torn note' }, reception.token)
  return { p }
}

describe('money-check', () => {
  it('finds nothing wrong after real work, and names a drawer or refund that does not add up', async () => {
    const { p } = await withMoney()
    expect(checkMoney(desk.db)).toEqual([])
    desk.db.prepare('UPDATE user_balance SET balance = balance + 1').run()
    desk.db.prepare('UPDATE transactions SET refundAmount = 5000 WHERE id = ?').run(p.id)
    const problems = checkMoney(desk.db)
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(
      /Cash drawer of account #\d+ shows ৳890\.01, its ledger adds up to ৳890\.00/,
    )
    expect(problems.join('\n')).toMatch(
      /Payment #\d+: refundAmount is ৳50\.00, its refunds add up to ৳100\.00/,
    )
  })

  it('runs from the command line: exit 0 when all reconciles, 1 with the problems listed', async () => {
    await withMoney()
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await runCli(['money-check', '--db', desk.dbPath])).toBe(0)
    expect(log).toHaveBeenCalledWith('Every cash drawer, payment and refund reconciles.')
    desk.db.prepare('UPDATE user_balance SET balance = 0').run()
    expect(await runCli(['money-check', '--db', desk.dbPath])).toBe(1)
    expect(error).toHaveBeenCalledWith('1 money problem found.')
    expect(await runCli(['money-check', '--db', `${desk.dir}/missing.sqlite`])).toBe(1)
    expect(await runCli(['blood-expire', '--db', desk.dbPath])).toBe(0)
    expect(log).toHaveBeenCalledWith('0 blood requests expired.')
  })
})
