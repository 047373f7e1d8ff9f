/**
 * The cash drawer: each account's `user_balance` is the cash it holds, and it moves only through
 * `moveDrawer`, which appends a `balance_transactions` row (balanceBefore, balanceAfter) and sets
 * the balance in the caller's transaction. So the ledger always reconciles: the balance is the sum
 * of the rows, and each row's balanceAfter is its balanceBefore ± its amount.
 *
 * A shift runs from the account's last close to the next. Closing records expected (the ledger
 * balance) against counted cash; a difference is booked as one credit or debit row with the reason,
 * so after the close the ledger holds what the drawer holds.
 */
import type {
  Drawer,
  LedgerRow,
  LedgerType,
  MethodTotal,
  ShiftClosing,
  ShiftSummary,
} from '../../shared/contract/wallet'
import { DeskError } from '../../shared/errors'
import { CURRENCY, formatMoney, PAYMENT_METHODS } from '../../shared/money'
import { writeTx, type DB } from '../db/open'
import type { ActorContext } from './context'

/** +1 when a row of this type puts cash into the drawer, −1 when it takes cash out. */
export const LEDGER_SIGN: Record<LedgerType, 1 | -1> = { credit: 1, debit: -1, refund: -1, fee: -1 }

export function drawerBalance(db: DB, userId: number): number {
  return (db.prepare('SELECT balance FROM user_balance WHERE userId = ?').pluck().get(userId) as number) ?? 0
}

/**
 * Move cash in or out of an account's drawer: one ledger row and the new balance. Must run inside
 * the caller's transaction, with whatever caused it. A drawer never holds less than nothing:
 * taking out more than it holds is refused (CONFLICT on `field`).
 */
export function moveDrawer(
  ctx: ActorContext,
  move: {
    userId: number
    type: LedgerType
    amount: number
    description: string
    transactionId?: number | null
    field?: string
  },
): LedgerRow {
  const { db } = ctx
  if (!db.inTransaction) throw new Error('moveDrawer must run inside a transaction')
  if (!Number.isSafeInteger(move.amount) || move.amount <= 0)
    throw new Error(`A drawer movement must be a positive whole number of paisa, not ${move.amount}`)
  const now = ctx.now().toISOString()
  db.prepare(
    `INSERT OR IGNORE INTO user_balance (userId, balance, currency, lastUpdated) VALUES (?, 0, ?, ?)`,
  ).run(move.userId, CURRENCY, now)
  const before = drawerBalance(db, move.userId)
  const after = before + LEDGER_SIGN[move.type] * move.amount
  if (after < 0) {
    const field = move.field ?? 'amount'
    const message = `the cash drawer holds ${formatMoney(before)}, less than ${formatMoney(move.amount)}. Put cash in it first (Cash drawer → Add cash).`
    throw new DeskError('CONFLICT', `${field}: ${message}`, { field, fields: { [field]: message } })
  }
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO balance_transactions
         (userId, transactionId, type, amount, currency, description, balanceBefore, balanceAfter, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      move.userId,
      move.transactionId ?? null,
      move.type,
      move.amount,
      CURRENCY,
      move.description,
      before,
      after,
      now,
    )
  db.prepare('UPDATE user_balance SET balance = ?, lastUpdated = ? WHERE userId = ?').run(
    after,
    now,
    move.userId,
  )
  return db.prepare('SELECT * FROM balance_transactions WHERE id = ?').get(lastInsertRowid) as LedgerRow
}

interface ClosingDbRow extends Omit<ShiftClosing, 'totals'> {
  totals: string
  lastLedgerId: number | null
  lastTransactionId: number | null
  lastRefundId: number | null
}

function lastClosing(db: DB, userId: number): ClosingDbRow | undefined {
  return db.prepare('SELECT * FROM shift_closings WHERE userId = ? ORDER BY id DESC LIMIT 1').get(userId) as
    ClosingDbRow | undefined
}

function toClosing(row: ClosingDbRow): ShiftClosing {
  return {
    id: row.id,
    userId: row.userId,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    expectedCash: row.expectedCash,
    countedCash: row.countedCash,
    difference: row.difference,
    reason: row.reason,
    adjustmentId: row.adjustmentId,
    handedOver: row.handedOver,
    handoverId: row.handoverId,
    totals: JSON.parse(row.totals) as MethodTotal[],
  }
}

/** The shift in progress for an account: everything after its last close. */
export function shiftSummary(db: DB, userId: number): ShiftSummary {
  const last = lastClosing(db, userId)
  const afterLedger = last?.lastLedgerId ?? 0
  const afterTx = last?.lastTransactionId ?? 0
  const afterRefund = last?.lastRefundId ?? 0
  const moves = db
    .prepare(
      `SELECT COALESCE(SUM(CASE WHEN type = 'credit' THEN amount ELSE 0 END), 0) AS cashIn,
              COALESCE(SUM(CASE WHEN type = 'credit' THEN 0 ELSE amount END), 0) AS cashOut
         FROM balance_transactions WHERE userId = ? AND id > ?`,
    )
    .get(userId, afterLedger) as { cashIn: number; cashOut: number }
  const paid = db
    .prepare(
      `SELECT paymentMethod, COUNT(*) AS n, SUM(amount) AS total FROM transactions
        WHERE userId = ? AND id > ? AND status IN ('completed', 'refunded') GROUP BY paymentMethod`,
    )
    .all(userId, afterTx) as { paymentMethod: string; n: number; total: number }[]
  const refunded = db
    .prepare(
      `SELECT t.paymentMethod, COUNT(*) AS n, SUM(r.amount) AS total
         FROM transaction_refunds r JOIN transactions t ON t.id = r.transactionId
        WHERE r.refundedBy = ? AND r.id > ? GROUP BY t.paymentMethod`,
    )
    .all(userId, afterRefund) as { paymentMethod: string; n: number; total: number }[]
  const totals: MethodTotal[] = PAYMENT_METHODS.map((m) => {
    const p = paid.find((r) => r.paymentMethod === m)
    const r = refunded.find((x) => x.paymentMethod === m)
    return {
      paymentMethod: m,
      payments: p?.n ?? 0,
      received: p?.total ?? 0,
      refunds: r?.n ?? 0,
      refunded: r?.total ?? 0,
    }
  })
  const expected = drawerBalance(db, userId)
  return {
    openedAt: last?.closedAt ?? null,
    openingBalance: expected - moves.cashIn + moves.cashOut,
    cashIn: moves.cashIn,
    cashOut: moves.cashOut,
    expected,
    totals,
  }
}

export function getDrawer(
  ctx: ActorContext,
  input: { userId?: number; limit: number; offset: number },
): Drawer {
  const userId = input.userId ?? ctx.actor.id
  if (userId !== ctx.actor.id && ctx.actor.role !== 'admin')
    throw new DeskError('FORBIDDEN', 'Only an administrator may see another account’s cash drawer.')
  const user = ctx.db.prepare('SELECT id, name FROM users WHERE id = ?').get(userId) as
    { id: number; name: string } | undefined
  if (!user) throw new DeskError('NOT_FOUND', `There is no account #${userId}.`)
  const currency =
    (ctx.db.prepare('SELECT currency FROM user_balance WHERE userId = ?').pluck().get(userId) as
      string | undefined) ?? CURRENCY
  const items = ctx.db
    .prepare('SELECT * FROM balance_transactions WHERE userId = ? ORDER BY id DESC LIMIT ? OFFSET ?')
    .all(userId, input.limit, input.offset) as LedgerRow[]
  const total = ctx.db
    .prepare('SELECT COUNT(*) FROM balance_transactions WHERE userId = ?')
    .pluck()
    .get(userId) as number
  const closings = (
    ctx.db
      .prepare('SELECT * FROM shift_closings WHERE userId = ? ORDER BY id DESC LIMIT 5')
      .all(userId) as ClosingDbRow[]
  ).map(toClosing)
  return {
    userId,
    userName: user.name,
    balance: drawerBalance(ctx.db, userId),
    currency,
    ledger: { items, total },
    shift: shiftSummary(ctx.db, userId),
    closings,
  }
}

export function deposit(ctx: ActorContext, input: { amount: number; description: string }): LedgerRow {
  return writeTx(ctx.db, () =>
    moveDrawer(ctx, {
      userId: ctx.actor.id,
      type: 'credit',
      amount: input.amount,
      description: `Cash added: ${input.description}`,
    }),
  )
}

export function closeShift(
  ctx: ActorContext,
  input: { countedCash: number; reason?: string; handOver?: number },
): ShiftClosing {
  const userId = ctx.actor.id
  return writeTx(ctx.db, () => {
    const shift = shiftSummary(ctx.db, userId)
    const difference = input.countedCash - shift.expected
    if (difference !== 0 && !input.reason) {
      throw DeskError.field(
        'reason',
        `say why the count differs: ${formatMoney(Math.abs(difference))} ${difference > 0 ? 'over' : 'short'}`,
      )
    }
    const handOver = input.handOver ?? 0
    if (handOver > input.countedCash)
      throw DeskError.field('handOver', `cannot be more than the counted ${formatMoney(input.countedCash)}`)
    const counted = `counted ${formatMoney(input.countedCash)}, expected ${formatMoney(shift.expected)}`
    const adjustment =
      difference === 0
        ? null
        : moveDrawer(ctx, {
            userId,
            type: difference > 0 ? 'credit' : 'debit',
            amount: Math.abs(difference),
            description: `Shift close: ${counted}, ${difference > 0 ? 'over' : 'short'} by ${formatMoney(Math.abs(difference))}. ${input.reason}`,
            field: 'countedCash',
          })
    const handover =
      handOver === 0
        ? null
        : moveDrawer(ctx, {
            userId,
            type: 'debit',
            amount: handOver,
            description: 'Shift close: handed over to the safe',
            field: 'handOver',
          })
    const mark = (sql: string) => (ctx.db.prepare(sql).pluck().get(userId) as number | null) ?? null
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO shift_closings
           (userId, openedAt, closedAt, expectedCash, countedCash, difference, reason, adjustmentId,
            handedOver, handoverId, totals, lastLedgerId, lastTransactionId, lastRefundId, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        userId,
        shift.openedAt,
        ctx.now().toISOString(),
        shift.expected,
        input.countedCash,
        difference,
        input.reason ?? null,
        adjustment?.id ?? null,
        handOver,
        handover?.id ?? null,
        JSON.stringify(shift.totals),
        mark('SELECT MAX(id) FROM balance_transactions WHERE userId = ?'),
        // Every transaction and refund so far, whoever's: anything later is the next shift's.
        (ctx.db.prepare('SELECT MAX(id) FROM transactions').pluck().get() as number | null) ?? null,
        (ctx.db.prepare('SELECT MAX(id) FROM transaction_refunds').pluck().get() as number | null) ?? null,
        ctx.now().toISOString(),
      )
    return toClosing(
      ctx.db.prepare('SELECT * FROM shift_closings WHERE id = ?').get(lastInsertRowid) as ClosingDbRow,
    )
  })
}
