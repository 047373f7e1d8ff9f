/**
 * Payments and refunds on bookings. A payment is a `transactions` row split into platformFee and
 * hospitalShare by the active fee rules (fee + share = amount, exactly); a cash payment or cash
 * refund also moves the cash drawer, in the same transaction. Refunds are rows of their own
 * (transaction_refunds) and add up in transactions.refundAmount; the check that a refund fits in
 * what is left runs inside BEGIN IMMEDIATE, so two racing refunds cannot together exceed the payment.
 */
import type { Bill, Payment, PaymentDetail, PaymentStatus, Refund } from '../../shared/contract/payments'
import { DeskError } from '../../shared/errors'
import { formatMoney, PAYMENT_METHOD_LABEL, splitFee, type PaymentMethod } from '../../shared/money'
import type { Paged, ResourceType, Urgency } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import type { ActorContext } from './context'
import { activeFeeRules } from './paymentsConfig'
import { computeQuote } from './pricing'
import { assertActsFor, listScope, workScope } from './scope'
import { moveDrawer } from './wallet'

/** Bookings that can no longer take money: what was paid on them is due back. */
export const CLOSED_BOOKING_STATUSES = ['cancelled', 'declined'] as const

function conflict(field: string, message: string): DeskError {
  return new DeskError('CONFLICT', `${field}: ${message}`, { field, fields: { [field]: message } })
}

const PAYMENT_SELECT = `
  SELECT t.*, b.bookingReference, b.status AS bookingStatus, b.patientName, b.resourceType,
         h.name AS hospitalName, h.address AS hospitalAddress, h.phone AS hospitalPhone,
         u.name AS recordedBy
    FROM transactions t
    JOIN bookings b ON b.id = t.bookingId
    JOIN hospitals h ON h.id = t.hospitalId
    JOIN users u ON u.id = t.userId`

interface PaymentDbRow extends Omit<Payment, 'refundable' | 'refundDue'> {
  hospitalAddress: string
  hospitalPhone: string
  resourceType: ResourceType
}

function toPayment(row: PaymentDbRow): Payment {
  const refundable =
    row.status === 'completed' || row.status === 'refunded' ? row.amount - (row.refundAmount ?? 0) : 0
  return {
    id: row.id,
    bookingId: row.bookingId,
    userId: row.userId,
    hospitalId: row.hospitalId,
    amount: row.amount,
    currency: row.currency,
    paymentMethod: row.paymentMethod,
    paymentGateway: row.paymentGateway,
    gatewayTransactionId: row.gatewayTransactionId,
    status: row.status,
    failureReason: row.failureReason,
    refundAmount: row.refundAmount,
    refundedAt: row.refundedAt,
    platformFee: row.platformFee,
    hospitalShare: row.hospitalShare,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    refundable,
    bookingReference: row.bookingReference,
    bookingStatus: row.bookingStatus,
    patientName: row.patientName,
    hospitalName: row.hospitalName,
    recordedBy: row.recordedBy,
    refundDue: (CLOSED_BOOKING_STATUSES as readonly string[]).includes(row.bookingStatus) && refundable > 0,
  }
}

function paymentRow(db: DB, id: number): PaymentDbRow | undefined {
  return db.prepare(`${PAYMENT_SELECT} WHERE t.id = ?`).get(id) as PaymentDbRow | undefined
}

function refundsOf(db: DB, transactionId: number): Refund[] {
  return db
    .prepare(
      `SELECT r.id, r.transactionId, r.amount, r.reason, r.refundedBy, u.name AS refundedByName, r.createdAt
         FROM transaction_refunds r JOIN users u ON u.id = r.refundedBy
        WHERE r.transactionId = ? ORDER BY r.id`,
    )
    .all(transactionId) as Refund[]
}

function toDetail(db: DB, row: PaymentDbRow): PaymentDetail {
  return {
    ...toPayment(row),
    refunds: refundsOf(db, row.id),
    hospitalAddress: row.hospitalAddress,
    hospitalPhone: row.hospitalPhone,
    resourceType: row.resourceType,
  }
}

export function getPayment(ctx: ActorContext, id: number): PaymentDetail {
  const row = paymentRow(ctx.db, id)
  if (!row) throw new DeskError('NOT_FOUND', `There is no payment #${id}.`)
  assertActsFor(ctx.actor, row.hospitalId, 'see or change its payments')
  return toDetail(ctx.db, row)
}

export interface PaymentFilter {
  hospitalId?: number
  bookingId?: number
  paymentMethod?: PaymentMethod
  status?: PaymentStatus
  from?: string
  to?: string
  refundDue?: boolean
  limit: number
  offset: number
}

export function listPayments(ctx: ActorContext, f: PaymentFilter): Paged<Payment> & { sum: number } {
  if (workScope(ctx.actor) === 'none') return { items: [], total: 0, sum: 0 }
  const scope = listScope(ctx.actor, f.hospitalId, 'payments')
  const where: string[] = []
  const args: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql)
    args.push(...values)
  }
  if (scope !== null) add('t.hospitalId = ?', scope)
  if (f.bookingId !== undefined) add('t.bookingId = ?', f.bookingId)
  if (f.paymentMethod) add('t.paymentMethod = ?', f.paymentMethod)
  if (f.status) add('t.status = ?', f.status)
  // julianday compares instants, whatever offset or format a row was written with.
  if (f.from) add('julianday(t.createdAt) >= julianday(?)', new Date(f.from).toISOString())
  if (f.to) add('julianday(t.createdAt) < julianday(?)', new Date(f.to).toISOString())
  if (f.refundDue)
    add(
      `b.status IN ('cancelled', 'declined') AND t.status = 'completed' AND t.amount - COALESCE(t.refundAmount, 0) > 0`,
    )
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const rows = ctx.db
    .prepare(`${PAYMENT_SELECT} ${clause} ORDER BY t.id DESC LIMIT ? OFFSET ?`)
    .all(...args, f.limit, f.offset) as PaymentDbRow[]
  const agg = ctx.db
    .prepare(
      `SELECT COUNT(*) AS total, COALESCE(SUM(t.amount), 0) AS sum FROM transactions t
         JOIN bookings b ON b.id = t.bookingId ${clause}`,
    )
    .get(...args) as { total: number; sum: number }
  return { items: rows.map(toPayment), total: agg.total, sum: agg.sum }
}

interface BookingRow {
  id: number
  hospitalId: number
  resourceType: ResourceType
  urgency: Urgency | null
  status: string
  scheduledDate: string
  estimatedDuration: number | null
  bookingReference: string | null
  patientName: string
}

function bookingRow(db: DB, id: number): BookingRow | undefined {
  return db
    .prepare(
      `SELECT id, hospitalId, resourceType, urgency, status, scheduledDate, estimatedDuration, bookingReference, patientName
         FROM bookings WHERE id = ?`,
    )
    .get(id) as BookingRow | undefined
}

export function recordPayment(
  ctx: ActorContext,
  input: { bookingId: number; amount: number; paymentMethod: PaymentMethod; gatewayTransactionId?: string },
): Payment {
  const now = ctx.now().toISOString()
  return writeTx(ctx.db, () => {
    const booking = bookingRow(ctx.db, input.bookingId)
    if (!booking) throw new DeskError('NOT_FOUND', `There is no booking #${input.bookingId}.`)
    assertActsFor(ctx.actor, booking.hospitalId, 'take payments for its bookings')
    if ((CLOSED_BOOKING_STATUSES as readonly string[]).includes(booking.status))
      throw conflict('bookingId', `the booking is ${booking.status}: it takes no payments`)
    const reference = input.paymentMethod === 'cash' ? null : (input.gatewayTransactionId ?? null)
    if (reference) {
      const dup = ctx.db
        .prepare(
          `SELECT id FROM transactions WHERE paymentMethod = ? AND gatewayTransactionId = ? AND status != 'failed'`,
        )
        .pluck()
        .get(input.paymentMethod, reference) as number | undefined
      if (dup !== undefined)
        throw conflict(
          'gatewayTransactionId',
          `this ${PAYMENT_METHOD_LABEL[input.paymentMethod]} reference is already recorded (payment #${dup})`,
        )
    }
    const { platformFee, hospitalShare } = splitFee(input.amount, activeFeeRules(ctx.db)[input.paymentMethod])
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO transactions
           (bookingId, userId, hospitalId, amount, currency, paymentMethod, paymentGateway, gatewayTransactionId,
            status, platformFee, hospitalShare, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, 'BDT', ?, ?, ?, 'completed', ?, ?, ?, ?)`,
      )
      .run(
        booking.id,
        ctx.actor.id,
        booking.hospitalId,
        input.amount,
        input.paymentMethod,
        input.paymentMethod === 'cash' ? null : input.paymentMethod,
        reference,
        platformFee,
        hospitalShare,
        now,
        now,
      )
    const id = Number(lastInsertRowid)
    if (input.paymentMethod === 'cash') {
      moveDrawer(ctx, {
        userId: ctx.actor.id,
        type: 'credit',
        amount: input.amount,
        transactionId: id,
        description: `Cash payment #${id} for ${booking.bookingReference ?? `booking #${booking.id}`} (${booking.patientName})`,
      })
    }
    return toPayment(paymentRow(ctx.db, id)!)
  })
}

export function refundPayment(
  ctx: ActorContext,
  input: { id: number; amount: number; reason: string },
): PaymentDetail {
  const now = ctx.now().toISOString()
  return writeTx(ctx.db, () => {
    const row = paymentRow(ctx.db, input.id)
    if (!row) throw new DeskError('NOT_FOUND', `There is no payment #${input.id}.`)
    assertActsFor(ctx.actor, row.hospitalId, 'see or change its payments')
    if (row.status === 'refunded') throw conflict('amount', 'this payment has already been refunded in full')
    if (row.status !== 'completed') throw conflict('id', `a ${row.status} payment cannot be refunded`)
    const already = row.refundAmount ?? 0
    const left = row.amount - already
    if (input.amount > left) {
      throw conflict(
        'amount',
        `at most ${formatMoney(left)} can be refunded (paid ${formatMoney(row.amount)}, refunded ${formatMoney(already)})`,
      )
    }
    // The cash leaves the drawer first, so the refund row can name the drawer's row (both are append-only).
    const drawerRow =
      row.paymentMethod === 'cash'
        ? moveDrawer(ctx, {
            userId: ctx.actor.id,
            type: 'refund',
            amount: input.amount,
            transactionId: row.id,
            description: `Cash refund on payment #${row.id} (${row.bookingReference ?? `booking #${row.bookingId}`}): ${input.reason}`,
          })
        : null
    ctx.db
      .prepare(
        `INSERT INTO transaction_refunds (transactionId, amount, reason, refundedBy, balanceTransactionId, createdAt)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, input.amount, input.reason, ctx.actor.id, drawerRow?.id ?? null, now)
    const total = already + input.amount
    ctx.db
      .prepare(
        `UPDATE transactions SET refundAmount = ?, refundedAt = ?, status = ?, updatedAt = ? WHERE id = ?`,
      )
      .run(total, now, total === row.amount ? 'refunded' : 'completed', now, row.id)
    return toDetail(ctx.db, paymentRow(ctx.db, row.id)!)
  })
}

interface StatusChange {
  newStatus: string
  changedAt: string
}

function ms(iso: string): number {
  return Date.parse(iso)
}

/**
 * The bill of a booking: the quote for the actual stay (admission to discharge, or to now while
 * the patient is still in), less what was paid and not refunded. Before admission the estimate is
 * quoted; a cancelled or declined booking is charged nothing, so all it was paid is due back.
 */
export function bill(ctx: ActorContext, bookingId: number): Bill {
  const booking = bookingRow(ctx.db, bookingId)
  if (!booking) throw new DeskError('NOT_FOUND', `There is no booking #${bookingId}.`)
  assertActsFor(ctx.actor, booking.hospitalId, 'see the bills of its bookings')
  const history = ctx.db
    .prepare(`SELECT newStatus, changedAt FROM booking_status_history WHERE bookingId = ? ORDER BY id`)
    .all(bookingId) as StatusChange[]
  const lastAt = (status: string) => history.filter((h) => h.newStatus === status).at(-1)?.changedAt
  const payments = listPayments(ctx, { bookingId, limit: 500, offset: 0 }).items
  const counted = payments.filter((p) => p.status === 'completed' || p.status === 'refunded')
  const paid = counted.reduce((s, p) => s + p.amount, 0)
  const refunded = counted.reduce((s, p) => s + (p.refundAmount ?? 0), 0)

  let stay: Bill['stay'] = null
  let quoteProblem: string | null = null
  let quote: Bill['quote'] = null
  const closed = (CLOSED_BOOKING_STATUSES as readonly string[]).includes(booking.status)
  if (closed) {
    quoteProblem = `The booking was ${booking.status}: nothing is charged, and what was paid is due for refund.`
  } else {
    let at = new Date(ms(booking.scheduledDate))
    let hours = booking.estimatedDuration ?? 24
    if (booking.status === 'admitted' || booking.status === 'completed') {
      const from = lastAt('admitted') ?? booking.scheduledDate
      const ongoing = booking.status === 'admitted'
      const to = ongoing ? ctx.now().toISOString() : (lastAt('completed') ?? ctx.now().toISOString())
      hours = Math.max(1, Math.ceil((ms(to) - ms(from)) / 3_600_000))
      stay = { from, to, hours, ongoing }
      at = new Date(ms(from))
    }
    try {
      quote = computeQuote(ctx.db, {
        hospitalId: booking.hospitalId,
        resourceType: booking.resourceType,
        urgency: booking.urgency ?? 'medium',
        at,
        hours,
      })
    } catch (err) {
      if (!(err instanceof DeskError) || err.code !== 'NOT_FOUND') throw err
      quoteProblem = err.message
    }
  }
  return {
    bookingId,
    bookingReference: booking.bookingReference,
    bookingStatus: booking.status,
    patientName: booking.patientName,
    stay,
    quote,
    quoteProblem,
    paid,
    refunded,
    balanceDue: (quote?.total ?? 0) - (paid - refunded),
    payments,
  }
}
