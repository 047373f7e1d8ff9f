/**
 * The money invariants, checked over a whole database: what `money-check` (and the desk's
 * `check`) reports. Each problem is one line a person can act on; none means all reconciles.
 */
import { formatMoney } from '../../shared/money'
import type { DB } from '../db/open'
import { LEDGER_SIGN } from './wallet'

interface LedgerRow {
  id: number
  userId: number
  type: keyof typeof LEDGER_SIGN
  amount: number
  balanceBefore: number | null
  balanceAfter: number | null
}

export function checkMoney(db: DB): string[] {
  const problems: string[] = []
  const balances = new Map(
    (
      db.prepare('SELECT userId, balance FROM user_balance').all() as { userId: number; balance: number }[]
    ).map((r) => [r.userId, r.balance]),
  )
  const running = new Map<number, number>()
  for (const r of db
    .prepare('SELECT * FROM balance_transactions ORDER BY id')
    .iterate() as Iterable<LedgerRow>) {
    const before = running.get(r.userId) ?? 0
    if (r.balanceBefore !== before)
      problems.push(
        `Ledger row #${r.id} (account #${r.userId}) starts at ${formatMoney(r.balanceBefore ?? NaN)}, not ${formatMoney(before)}.`,
      )
    const after = (r.balanceBefore ?? before) + LEDGER_SIGN[r.type] * r.amount
    if (r.balanceAfter !== after)
      problems.push(
        `Ledger row #${r.id} (account #${r.userId}) ends at ${formatMoney(r.balanceAfter ?? NaN)}, not ${formatMoney(after)}.`,
      )
    running.set(r.userId, r.balanceAfter ?? after)
  }
  for (const userId of new Set([...balances.keys(), ...running.keys()])) {
    const balance = balances.get(userId) ?? 0
    const sum = running.get(userId) ?? 0
    if (balance !== sum)
      problems.push(
        `Cash drawer of account #${userId} shows ${formatMoney(balance)}, its ledger adds up to ${formatMoney(sum)}.`,
      )
  }
  const payments = db
    .prepare(
      `SELECT t.id, t.amount, t.status, COALESCE(t.refundAmount, 0) AS refundAmount, t.platformFee, t.hospitalShare,
              (SELECT COALESCE(SUM(r.amount), 0) FROM transaction_refunds r WHERE r.transactionId = t.id) AS refunds
         FROM transactions t`,
    )
    .iterate() as Iterable<{
    id: number
    amount: number
    status: string
    refundAmount: number
    platformFee: number | null
    hospitalShare: number | null
    refunds: number
  }>
  for (const p of payments) {
    if (p.platformFee !== null && p.hospitalShare !== null && p.platformFee + p.hospitalShare !== p.amount)
      problems.push(
        `Payment #${p.id}: fee and share add up to ${formatMoney(p.platformFee + p.hospitalShare)}, not ${formatMoney(p.amount)}.`,
      )
    if (p.refundAmount !== p.refunds)
      problems.push(
        `Payment #${p.id}: refundAmount is ${formatMoney(p.refundAmount)}, its refunds add up to ${formatMoney(p.refunds)}.`,
      )
    if (p.refundAmount > p.amount)
      problems.push(
        `Payment #${p.id}: refunded ${formatMoney(p.refundAmount)}, more than the ${formatMoney(p.amount)} paid.`,
      )
    if (p.status === 'refunded' && p.refundAmount !== p.amount)
      problems.push(
        `Payment #${p.id} is marked refunded, but only ${formatMoney(p.refundAmount)} of ${formatMoney(p.amount)} was.`,
      )
  }
  return problems
}
