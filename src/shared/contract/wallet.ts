import { z } from 'zod'
import { channel } from '../channel'
import { humanLines } from '../text'
import type { PaymentMethod } from '../money'
import { id, page, paisa, trimmed, type Paged } from '../schemas'

const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const

export const LEDGER_TYPES = ['credit', 'debit', 'refund', 'fee'] as const
export type LedgerType = (typeof LEDGER_TYPES)[number]

/** A `balance_transactions` row: amount always positive, its direction given by its type. */
export interface LedgerRow {
  id: number
  userId: number
  transactionId: number | null
  type: LedgerType
  amount: number
  currency: string
  description: string | null
  balanceBefore: number
  balanceAfter: number
  createdAt: string
}

export interface MethodTotal {
  paymentMethod: PaymentMethod
  payments: number
  received: number
  refunds: number
  refunded: number
}

/** The shift in progress: from the account's last close (or its first entry) to now. */
export interface ShiftSummary {
  openedAt: string | null
  openingBalance: number
  cashIn: number
  cashOut: number
  /** What the drawer should hold: its ledger balance. */
  expected: number
  totals: MethodTotal[]
}

export interface ShiftClosing {
  id: number
  userId: number
  openedAt: string | null
  closedAt: string
  expectedCash: number
  countedCash: number
  difference: number
  reason: string | null
  adjustmentId: number | null
  handedOver: number
  handoverId: number | null
  totals: MethodTotal[]
}

export interface Drawer {
  userId: number
  userName: string
  balance: number
  currency: string
  ledger: Paged<LedgerRow>
  shift: ShiftSummary
  closings: ShiftClosing[]
}

export const walletChannels = {
  'wallet.get': channel(z.object({ userId: id.optional(), ...page }).strict(), SIGNED_IN).returns<Drawer>(),
  /** Cash put into one's own drawer: the opening float, change from the safe. */
  'wallet.deposit': channel(
    z.object({ amount: paisa, description: trimmed(200) }).strict(),
    SIGNED_IN,
  ).returns<LedgerRow>(),
  'wallet.closeShift': channel(
    z
      .object({
        countedCash: z
          .number({ error: 'must be a number' })
          .int('must be a whole number of paisa')
          .min(0, 'cannot be negative')
          .max(10_000_000_000, 'is too large'),
        reason: humanLines(500).optional(),
        /** Cash taken out of the drawer to the safe after counting; the rest stays as the next float. */
        handOver: z
          .number({ error: 'must be a number' })
          .int('must be a whole number of paisa')
          .min(0, 'cannot be negative')
          .optional(),
      })
      .strict(),
    SIGNED_IN,
  ).returns<ShiftClosing>(),
}
