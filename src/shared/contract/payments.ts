import { z } from 'zod'
import { channel } from '../channel'
import { humanLines } from '../text'
import { PAYMENT_METHODS, type PaymentMethod } from '../money'
import { id, isoDateTime, orderedRange, page, paisa, trimmed, type Paged } from '../schemas'
import type { QuoteBreakdown } from './pricing'

const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const

export const PAYMENT_STATUSES = [
  'pending',
  'processing',
  'completed',
  'failed',
  'cancelled',
  'refunded',
] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** A `transactions` row, money in paisa, with what the desk shows beside it. */
export interface Payment {
  id: number
  bookingId: number
  userId: number
  hospitalId: number
  amount: number
  currency: string
  paymentMethod: PaymentMethod
  paymentGateway: string | null
  gatewayTransactionId: string | null
  status: PaymentStatus
  failureReason: string | null
  refundAmount: number | null
  refundedAt: string | null
  platformFee: number | null
  hospitalShare: number | null
  createdAt: string
  updatedAt: string
  /** amount − refundAmount: what a refund may still return. */
  refundable: number
  bookingReference: string | null
  bookingStatus: string
  patientName: string
  hospitalName: string
  recordedBy: string
  /** The booking was cancelled or declined and this payment is not yet refunded in full. */
  refundDue: boolean
}

export interface Refund {
  id: number
  transactionId: number
  amount: number
  reason: string
  refundedBy: number
  refundedByName: string
  createdAt: string
}

export interface PaymentDetail extends Payment {
  refunds: Refund[]
  hospitalAddress: string
  hospitalPhone: string
  resourceType: string
}

export interface Bill {
  bookingId: number
  bookingReference: string | null
  bookingStatus: string
  patientName: string
  /** The stay charged: admission to discharge (or to now while still admitted); null before admission. */
  stay: { from: string; to: string; hours: number; ongoing: boolean } | null
  /** The quote for the actual stay, or for the booking's estimate before admission; null when no price is set. */
  quote: QuoteBreakdown | null
  /** Why there is no quote, when there is none. */
  quoteProblem: string | null
  paid: number
  refunded: number
  /** quote.total − (paid − refunded); negative when the patient paid more than the bill. */
  balanceDue: number
  payments: Payment[]
}

const method = z.enum(PAYMENT_METHODS, { error: 'must be cash, card, bkash, nagad, rocket or bank' })

export const recordPaymentInput = z
  .object({
    bookingId: id,
    amount: paisa,
    paymentMethod: method,
    gatewayTransactionId: trimmed(100).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Cash has no gateway: a reference given with it would be dropped, so it is refused instead.
    if (v.paymentMethod === 'cash' && v.gatewayTransactionId)
      ctx.addIssue({
        code: 'custom',
        path: ['gatewayTransactionId'],
        message: 'must be empty for cash (only card, bKash, Nagad, Rocket and bank payments have one)',
      })
    if (v.paymentMethod !== 'cash' && !v.gatewayTransactionId)
      ctx.addIssue({
        code: 'custom',
        path: ['gatewayTransactionId'],
        message:
          'is required for every method but cash (the card slip, bKash/Nagad/Rocket or bank reference)',
      })
  })

export const paymentsChannels = {
  'payments.list': channel(
    orderedRange(
      z
        .object({
          hospitalId: id.optional(),
          bookingId: id.optional(),
          paymentMethod: method.optional(),
          status: z.enum(PAYMENT_STATUSES).optional(),
          from: isoDateTime.optional(),
          to: isoDateTime.optional(),
          /** Only payments on cancelled or declined bookings with something left to refund. */
          refundDue: z.boolean().optional(),
          ...page,
        })
        .strict(),
      'from',
      'to',
    ),
    SIGNED_IN,
  ).returns<Paged<Payment> & { sum: number }>(),
  'payments.get': channel(z.object({ id }).strict(), SIGNED_IN).returns<PaymentDetail>(),
  'payments.record': channel(recordPaymentInput, ['user']).returns<Payment>(),
  'payments.refund': channel(z.object({ id, amount: paisa, reason: humanLines(500) }).strict(), [
    'hospital-authority',
    'admin',
  ]).returns<PaymentDetail>(),
  'payments.bill': channel(z.object({ bookingId: id }).strict(), SIGNED_IN).returns<Bill>(),
}
