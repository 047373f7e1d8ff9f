/**
 * A booking's money, for the booking screens to render: the bill (the quote for the actual stay
 * once admitted, less what was paid), the payments with their receipts, and the actions that fit
 * the booking's state: take a deposit or the balance due, refund what is due on a cancelled or
 * declined booking. `key` it by the booking's status so it reloads after a transition.
 */
import { observer } from 'mobx-react-lite'
import { useCallback, useEffect, useState } from 'react'
import type { Bill, Payment } from '../../../shared/contract/payments'
import type { DeskError } from '../../../shared/errors'
import { formatMoney } from '../../../shared/money'
import { asDeskError } from '../api/client'
import { ErrorBanner } from '../components/Form'
import { useLive } from '../live/useLive'
import { useStores } from '../stores/root'
import {
  receiptNumber,
  RecordPaymentDialog,
  RefundDialog,
  ReceiptDialog,
  type BookingRef,
} from './PaymentsDialogs'
import { fmtDateTime, MethodBadge, PaymentStatusBadge } from './PaymentsUi'
import { QuoteLines } from './PricingQuote'

export const BookingMoneyPanel = observer(function BookingMoneyPanel({ booking }: { booking: BookingRef }) {
  const { payments, session } = useStores()
  const role = session.user!.role
  const [bill, setBill] = useState<Bill | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [recording, setRecording] = useState(false)
  const [refunding, setRefunding] = useState<Payment | null>(null)

  const load = useCallback(() => {
    payments.bill(booking.id).then(
      (b) => {
        setBill(b)
        setError(null)
      },
      (err: unknown) => setError(asDeskError(err)),
    )
  }, [payments, booking.id])
  useEffect(() => load(), [load, booking.status])
  useLive(['payments', 'pricing'], load)

  if (error) return <ErrorBanner error={error} />
  if (!bill) return null
  const closed = bill.bookingStatus === 'cancelled' || bill.bookingStatus === 'declined'
  const due = bill.payments.filter((p) => p.refundDue)
  const settled = !!bill.stay && !bill.stay.ongoing && bill.balanceDue <= 0
  const canPay = role === 'user' && !closed && !settled
  const stay = bill.stay
  const title = stay ? (stay.ongoing ? 'Bill so far' : 'Bill') : 'Estimate'
  return (
    <section className="card money-panel" aria-label="Payments for this booking" data-testid="booking-money">
      <header className="money-panel__head">
        <h2>{stay && !stay.ongoing ? 'Bill at discharge' : 'Payments'}</h2>
        {canPay && (
          <button className="btn btn--primary btn--small" onClick={() => setRecording(true)}>
            {bill.balanceDue > 0 && stay && !stay.ongoing
              ? `Take balance ${formatMoney(bill.balanceDue)}`
              : bill.paid === 0
                ? 'Take deposit'
                : 'Take payment'}
          </button>
        )}
      </header>
      {stay && (
        <p className="muted small">
          Stay: {fmtDateTime(stay.from)} → {stay.ongoing ? 'now' : fmtDateTime(stay.to)} ({stay.hours} hour
          {stay.hours === 1 ? '' : 's'})
        </p>
      )}
      {bill.quote ? (
        <QuoteLines quote={bill.quote} title={title} />
      ) : (
        <p className="muted small money-panel__note">{bill.quoteProblem}</p>
      )}
      <dl className="sums money-panel__sums">
        <dt>Paid</dt>
        <dd>{formatMoney(bill.paid)}</dd>
        {bill.refunded > 0 && (
          <>
            <dt>Refunded</dt>
            <dd>−{formatMoney(bill.refunded)}</dd>
          </>
        )}
        {!closed && (
          <>
            <dt>{bill.balanceDue >= 0 ? 'Balance due' : 'Paid in excess'}</dt>
            <dd className={`strong ${bill.balanceDue > 0 ? 'out' : ''}`} data-testid="balance-due">
              {formatMoney(Math.abs(bill.balanceDue))}
            </dd>
          </>
        )}
      </dl>
      {due.length > 0 && (
        <div className="banner banner--warning" data-testid="refund-due">
          Booking {bill.bookingStatus}: {formatMoney(due.reduce((s, p) => s + p.refundable, 0))} paid on it is
          due for refund.
        </div>
      )}
      {bill.payments.length > 0 && (
        <table className="table table--compact" aria-label="Payments on this booking">
          <tbody>
            {bill.payments.map((p) => (
              <tr key={p.id}>
                <td className="mono receipt-no" title={fmtDateTime(p.createdAt)}>
                  {receiptNumber(p.id)}
                </td>
                <td>
                  <MethodBadge method={p.paymentMethod} />
                </td>
                <td className="num strong">{formatMoney(p.amount)}</td>
                <td>
                  <PaymentStatusBadge status={p.status} partlyRefunded={!!p.refundAmount} />
                </td>
                <td className="row-actions">
                  <button className="btn btn--small" onClick={() => void payments.openReceipt(p.id)}>
                    Receipt
                  </button>
                  {(role === 'admin' || role === 'hospital-authority') && p.refundable > 0 && (
                    <button className="btn btn--small" onClick={() => setRefunding(p)}>
                      Refund
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recording && (
        <RecordPaymentDialog
          booking={booking}
          title={stay && !stay.ongoing ? 'Take the balance due' : undefined}
          suggestedAmount={stay && !stay.ongoing && bill.balanceDue > 0 ? bill.balanceDue : undefined}
          onClose={() => setRecording(false)}
          onRecorded={(p) => {
            setRecording(false)
            load()
            void payments.openReceipt(p.id)
          }}
        />
      )}
      {refunding && (
        <RefundDialog
          payment={refunding}
          onClose={() => setRefunding(null)}
          onRefunded={() => {
            setRefunding(null)
            load()
          }}
        />
      )}
      {payments.receipt && payments.receipt.bookingId === booking.id && (
        <ReceiptDialog receipt={payments.receipt} onClose={() => payments.closeReceipt()} />
      )}
    </section>
  )
})
