/**
 * A booking's money, for the booking screens to render: the bill (the quote for the actual stay
 * once admitted, less what was paid), the payments with their receipts, and the actions that fit
 * the booking's state: take a deposit or the balance due, refund what is due on a cancelled or
 * declined booking. `key` it by the booking's status so it reloads after a transition.
 */
import { observer } from 'mobx-react-lite'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Bill, Payment } from '../../../shared/contract/payments'
import type { DeskError } from '../../../shared/errors'
import { formatMoney } from '../../../shared/money'
import { asDeskError } from '../api/client'
import { ErrorBanner } from '../ui/Field'
import { useLive } from '../live/useLive'
import { useStores } from '../stores/root'
import {
  closedStatus,
  receiptNumber,
  RecordPaymentDialog,
  RefundDialog,
  ReceiptDialog,
  type BookingRef,
} from './PaymentsDialogs'
import { MethodBadge } from './PaymentsUi'
import { QuoteLines } from '../pricing/PricingQuote'
import { PaymentStatusBadge } from '../ui'
import { formatDateTime } from '../../../shared/format'
import { formatCount } from '../../../shared/labels'
import { messageKey, sayMessage } from '../../../shared/i18n/errorWords'

/** A sentence main wrote (why there is no price), in the user's language where the catalogue knows it. */
function mainSays(text: string): string {
  const k = messageKey(text)
  return (k && sayMessage(k)) ?? text
}

export const BookingMoneyPanel = observer(function BookingMoneyPanel({
  booking,
  bare,
}: {
  booking: BookingRef
  /** Inside a dialog: no card frame of its own. */
  bare?: boolean
}) {
  const { t } = useTranslation()
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
  const title = stay
    ? stay.ongoing
      ? t('payments.panel.billSoFar')
      : t('payments.panel.bill')
    : t('payments.panel.estimate')
  return (
    <section
      className={`card money-panel${bare ? ' money-panel--bare' : ''}`}
      aria-label={t('payments.panel.label')}
      data-testid="booking-money"
    >
      <header className="money-panel__head">
        <h2>{stay && !stay.ongoing ? t('payments.panel.billAtDischarge') : t('payments.panel.payments')}</h2>
        {canPay && (
          <button
            className="btn btn--primary btn--small"
            aria-haspopup="dialog"
            onClick={() => setRecording(true)}
          >
            {bill.balanceDue > 0 && stay && !stay.ongoing
              ? t('payments.panel.takeBalance', { amount: formatMoney(bill.balanceDue) })
              : bill.paid === 0
                ? t('payments.panel.takeDeposit')
                : t('payments.panel.takePayment')}
          </button>
        )}
      </header>
      {stay && (
        <p className="muted small">
          {t('payments.panel.stay', {
            from: formatDateTime(stay.from),
            to: stay.ongoing ? t('payments.panel.now') : formatDateTime(stay.to),
            hours: t('payments.panel.hours', { count: stay.hours, n: formatCount(stay.hours) }),
          })}
        </p>
      )}
      {bill.quote ? (
        <QuoteLines quote={bill.quote} title={title} />
      ) : (
        <p className="muted small money-panel__note">
          {closed
            ? t('payments.panel.closedNote', { status: closedStatus(bill.bookingStatus) })
            : bill.quoteProblem && mainSays(bill.quoteProblem)}
        </p>
      )}
      <dl className="sums money-panel__sums">
        <dt>{t('payments.panel.paid')}</dt>
        <dd>{formatMoney(bill.paid)}</dd>
        {bill.refunded > 0 && (
          <>
            <dt>{t('payments.panel.refunded')}</dt>
            <dd>−{formatMoney(bill.refunded)}</dd>
          </>
        )}
        {!closed && (
          <>
            <dt>
              {bill.balanceDue >= 0 ? t('payments.panel.balanceDue') : t('payments.panel.paidInExcess')}
            </dt>
            <dd className={`strong ${bill.balanceDue > 0 ? 'out' : ''}`} data-testid="balance-due">
              {formatMoney(Math.abs(bill.balanceDue))}
            </dd>
          </>
        )}
      </dl>
      {due.length > 0 && (
        <div className="banner banner--warning" data-testid="refund-due">
          {t('payments.panel.refundDue', {
            status: closedStatus(bill.bookingStatus),
            amount: formatMoney(due.reduce((s, p) => s + p.refundable, 0)),
          })}
        </div>
      )}
      {bill.payments.length > 0 && (
        <table className="table table--compact" aria-label={t('payments.panel.table')}>
          <tbody>
            {bill.payments.map((p) => (
              <tr key={p.id}>
                <td className="mono receipt-no" title={formatDateTime(p.createdAt)}>
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
                  <button
                    className="btn btn--small"
                    aria-haspopup="dialog"
                    onClick={() => void payments.openReceipt(p.id)}
                  >
                    {t('payments.panel.receipt')}
                  </button>
                  {(role === 'admin' || role === 'hospital-authority') && p.refundable > 0 && (
                    <button className="btn btn--small" aria-haspopup="dialog" onClick={() => setRefunding(p)}>
                      {t('payments.panel.refund')}
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
          title={stay && !stay.ongoing ? t('payments.panel.takeBalanceTitle') : undefined}
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
