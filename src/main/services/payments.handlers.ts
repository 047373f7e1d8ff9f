import type { PartialHandlers } from '../ipc/dispatcher'
import { bill, getPayment, listPayments, recordPayment, refundPayment } from './payments'

export const paymentsHandlers: PartialHandlers<
  'payments.list' | 'payments.get' | 'payments.record' | 'payments.refund' | 'payments.bill'
> = {
  'payments.list': (ctx, input) => listPayments(ctx, input),
  'payments.get': (ctx, input) => getPayment(ctx, input.id),
  'payments.record': (ctx, input) => recordPayment(ctx, input),
  'payments.refund': (ctx, input) => refundPayment(ctx, input),
  'payments.bill': (ctx, input) => bill(ctx, input.bookingId),
}
